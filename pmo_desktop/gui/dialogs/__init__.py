"""Modal questions and messages: the lock, unsaved changes, recovery, errors, About, file choosers."""
