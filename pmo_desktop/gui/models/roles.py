"""Custom item data roles the GUI's models speak (STYLE.md principle 5: roles, never widgets)."""

from PySide6.QtCore import Qt

_USER = int(Qt.ItemDataRole.UserRole)

RecordIdRole = _USER + 1
"""The id of the row's record (int)."""

RawValueRole = _USER + 2
"""The field's stored value, unformatted (date, enum value, minor units, referenced id)."""

SortRole = _USER + 3
"""A key of one type per column that sorts the way a planner expects."""

ChoicesRole = _USER + 4
"""For choice and reference columns: the (value, label) pairs an editor offers; None elsewhere."""
