"""Alembic revisions shipped in the package; `pmo_desktop.storage.migrate` runs them."""
