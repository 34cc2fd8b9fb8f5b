"""Persistence: the SQLAlchemy models, the `.pmo` file (check, open, lock, save, recover) and migrations."""
