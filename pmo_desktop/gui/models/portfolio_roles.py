"""Item data roles of the portfolio overview and alignment models, past the generic ones of `roles`."""

from PySide6.QtCore import Qt

_BASE = int(Qt.ItemDataRole.UserRole) + 40

RagRole = _BASE + 1
"""For RAG columns: (rag value, trend value, previous rag value or None) as strings, or None without a report."""

ProgressRole = _BASE + 2
"""For the % complete column: the percentage as a float, or None."""

RowKindRole = _BASE + 3
""""programme" or "project" for overview rows; "objective" or "project" for alignment cells."""

FlagRole = _BASE + 4
"""True where a row needs attention a badge shows: a tentative project, a project serving no objective."""

ToneRole = _BASE + 5
"""A text tone for numbers: "bad" (late, over budget, index below 1), "good" or None."""
