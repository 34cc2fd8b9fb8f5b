"""Item data roles of the Gantt's WBS model (KDGantt style: the chart's data travels in roles).

Every row answers them, in any column: a task with its own dates and figures, a project or a programme with
the span and progress of its tasks. Dates are `datetime.date`, never strings.
"""

from PySide6.QtCore import Qt

_BASE = int(Qt.ItemDataRole.UserRole) + 60

RowKindRole = _BASE + 1
""""programme", "project" or "task"."""

StartRole = _BASE + 2
"""The first day of the bar (date), or None for a project without tasks."""

FinishRole = _BASE + 3
"""The last day of the bar (date), or None."""

KindRole = _BASE + 4
"""A task's `TaskKind` value ("task", "milestone", "summary"); "project" or "programme" otherwise."""

ProgressRole = _BASE + 5
"""Percent complete (int); a project's and a programme's weighted by duration."""

CriticalRole = _BASE + 6
"""True for a task on the critical path."""

BaselineStartRole = _BASE + 7
"""The start in the chosen baseline (date), or None."""

BaselineFinishRole = _BASE + 8
"""The finish in the chosen baseline (date), or None."""

TotalFloatRole = _BASE + 9
"""Total float in working days (int); negative when a constraint cannot be met."""

FreeFloatRole = _BASE + 10
"""Free float in working days (int)."""

ConflictRole = _BASE + 11
"""The sentence explaining why a task cannot keep its dates, or None."""

ColourRole = _BASE + 12
"""The colour of the row's project or programme, as "#rrggbb"."""

KeyRole = _BASE + 13
"""The row's stable key (see `gantt_rows.key_of`)."""
