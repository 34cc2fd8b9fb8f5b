"""The PySide6 shell: app, main window, document and undo stack, Qt models, views and dialogs.

The only package that imports Qt. It calls `pmo_desktop.services` and gets plain data back (DESIGN.md §1).
"""
