"""The side panel of a clicked heatmap cell: what it holds, and the allocations that make it up.

For a person (or a role's unfilled demand) it lists the allocations loading that week or month in an
editable table (project, dates, amount, unit, status) and offers to add one, open one in the full editor,
split one at this week, move one (or part of it) to someone else, or delete one. Every edit is an undo
command; the panel re-reads its cell whenever the heatmap's grid changes, so it shows the edit at once.
A group total shows its hours by project instead.
"""

from bisect import bisect_right
from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.allocation_commands import MoveAllocationCommand, SplitAllocationCommand
from pmo_desktop.gui.commands.record_commands import (
    CreateRecordCommand,
    DeleteRecordCommand,
    UpdateRecordCommand,
)
from pmo_desktop.gui.dialogs.allocation_dialog import AllocationDialog
from pmo_desktop.gui.dialogs.move_allocation_dialog import MoveAllocationDialog, MoveChoice, PersonOption
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models import heatmap_colours
from pmo_desktop.gui.models.heatmap_cell_model import CellAllocationsModel
from pmo_desktop.gui.models.heatmap_model import HeatmapModel
from pmo_desktop.gui.models.heatmap_text import hours_text, percent_text, period_text
from pmo_desktop.gui.views.resources.cell_delegate import CellAllocationDelegate
from pmo_desktop.i18n import tr
from pmo_desktop.services.capacity_cells import CellAllocation, CellDetails
from pmo_desktop.services.capacity_queries import RowKind

CellKey = tuple[RowKind, int | None, date]
"""A cell by what it is rather than where it is: (row kind, row key, first day of the bucket)."""

_STYLE = """
QLabel#cellTitle { font-size: 13pt; font-weight: 600; color: #1f2933; }
QLabel#cellSubtitle { color: #52606d; }
QLabel#cellChip { border-radius: 4px; padding: 4px 8px; font-weight: 600; }
QLabel#cellHint { color: #7b8794; padding: 24px 8px; }
"""


class CellPanel(QWidget):
    """The allocations of the cell last clicked, with the edits a planner makes there.

    Signals: none.
    """

    def __init__(self, document: Document, heatmap: HeatmapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._heatmap = heatmap
        self._key: CellKey | None = None
        self._details: CellDetails | None = None
        self.allocations = CellAllocationsModel(document, self)
        self.setStyleSheet(_STYLE)
        self._build()
        self._show(None)

    # -- what is shown ----------------------------------------------------------------------------------

    @property
    def details(self) -> CellDetails | None:
        return self._details

    @property
    def title(self) -> str:
        return self._title.text()

    def show_cell(self, row: int, bucket: int) -> None:
        grid = self._heatmap.grid
        entry = grid.rows[row]
        self._key = (entry.kind, entry.key, grid.starts[bucket])
        self.refresh()

    def refresh(self) -> None:
        """Re-read the cell (after an edit, an undo or another grouping); clear if it is no longer shown."""
        cell = self._locate()
        self._show(None if cell is None else self._heatmap.cell_details(*cell))

    def select_allocation(self, allocation_id: int) -> None:
        row = self.allocations.row_of(allocation_id)
        if row is not None:
            self.table.selectRow(row)

    def selected_allocation(self) -> CellAllocation | None:
        rows = self.table.selectionModel().selectedRows()
        return self.allocations.allocation_at(rows[0].row()) if rows else None

    def _locate(self) -> tuple[int, int] | None:
        if self._key is None or not self._heatmap.loaded:
            return None
        kind, key, day = self._key
        grid = self._heatmap.grid
        # Weeks and months change places when the scale changes: keep the period that holds the day.
        bucket = bisect_right(grid.starts, day) - 1
        if bucket < 0 or day > grid.finishes[bucket]:
            return None
        for row, entry in enumerate(grid.rows):
            if entry.kind is kind and entry.key == key:
                return row, bucket
        return None

    # -- edits ------------------------------------------------------------------------------------------

    def add_allocation(self) -> None:
        if self._details is None:
            return
        row = self._details.row
        owner = {"person_id": row.key} if row.kind is RowKind.PERSON else {"role_id": row.key}
        defaults = {**owner, "start": self._details.start, "finish": self._details.finish}
        if self._details.projects:
            defaults["project_id"] = self._details.projects[0].project_id
        dialog = AllocationDialog(self._document.workspace, defaults=defaults, parent=self)
        if dialog.exec() and dialog.values is not None:
            command = CreateRecordCommand(self._document, EntityKind.ALLOCATION, dialog.values, tr("Add allocation"))
            self._document.run(command)

    def edit_allocation(self) -> None:
        allocation = self.selected_allocation()
        if allocation is None:
            return
        dialog = AllocationDialog(self._document.workspace, allocation_id=allocation.id, parent=self)
        if dialog.exec() and dialog.values:
            text = tr("Edit allocation")
            self._document.run(
                UpdateRecordCommand(self._document, EntityKind.ALLOCATION, allocation.id, dialog.values, text)
            )

    def split_allocation(self) -> None:
        allocation = self.selected_allocation()
        if allocation is not None and self._details is not None:
            self._document.run(SplitAllocationCommand(self._document, allocation.id, self._details.start))

    def move_allocation(self) -> None:
        allocation = self.selected_allocation()
        if allocation is None or self._details is None:
            return
        dialog = MoveAllocationDialog(
            allocation, self._details.row.label, self._people(allocation), self._details.start, self
        )
        if dialog.exec() and dialog.choice is not None:
            self.give(allocation, dialog.choice)

    def give(self, allocation: CellAllocation, choice: MoveChoice) -> bool:
        """Give `allocation` (or the part `choice` says) to `choice.person_id`, as one undoable step."""
        names = self._heatmap.capacity_model.names.people
        text = tr("Move allocation to {name}", name=names.get(choice.person_id, ""))
        command = MoveAllocationCommand(
            self._document, allocation.id, choice.person_id, start=choice.start, amount=choice.amount, text=text
        )
        return self._document.run(command)

    def delete_allocation(self) -> None:
        allocation = self.selected_allocation()
        if allocation is not None:
            text = tr("Delete allocation on {project}", project=allocation.project)
            self._document.run(DeleteRecordCommand(self._document, EntityKind.ALLOCATION, allocation.id, text))

    def _people(self, allocation: CellAllocation) -> list[PersonOption]:
        """Everyone on the heatmap but the allocation's owner, with their free hours in this cell's bucket."""
        assert self._details is not None
        grid = self._heatmap.grid
        bucket = grid.starts.index(self._details.start)
        free = grid.capacity[:, bucket] - grid.load(self._heatmap.include_tentative)[:, bucket]
        return [
            PersonOption(int(entry.key), entry.label, entry.role, max(0.0, float(free[row])))
            for row, entry in enumerate(grid.rows)
            if entry.kind is RowKind.PERSON and entry.key is not None and entry.key != allocation.person_id
        ]

    # -- building ---------------------------------------------------------------------------------------

    def _build(self) -> None:
        self._title = QLabel(self)
        self._title.setObjectName("cellTitle")
        self._subtitle = QLabel(self)
        self._subtitle.setObjectName("cellSubtitle")
        self._subtitle.setWordWrap(True)
        self._chip = QLabel(self)
        self._chip.setObjectName("cellChip")
        self._numbers = QLabel(self)
        self._numbers.setWordWrap(True)
        self._projects = QLabel(self)
        self._projects.setWordWrap(True)
        self._projects.setTextFormat(Qt.TextFormat.RichText)
        self._hint = QLabel(tr("Click a cell of the heatmap to see and edit the allocations that make it up."), self)
        self._hint.setObjectName("cellHint")
        self._hint.setWordWrap(True)
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table = QTableView(self)
        self.table.setModel(self.allocations)
        self.table.setItemDelegate(CellAllocationDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.selectionModel().selectionChanged.connect(self._enable_buttons)
        self._buttons = self._button_row()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        for widget in (self._title, self._subtitle, self._chip, self._numbers, self._projects):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons)
        layout.addWidget(self._hint, 1)

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.add_button = self._button(tr("Add…"), tr("A new allocation in this week"), self.add_allocation)
        self.edit_button = self._button(tr("Edit…"), tr("Every field of the selected allocation"), self.edit_allocation)
        self.split_button = self._button(
            tr("Split here"),
            tr("Cut the selected allocation in two at the start of this period"),
            self.split_allocation,
        )
        self.move_button = self._button(
            tr("Move…"), tr("Give the selected allocation, or part of it, to someone else"), self.move_allocation
        )
        self.delete_button = self._button(tr("Delete"), tr("Delete the selected allocation"), self.delete_allocation)
        for button in (self.add_button, self.edit_button, self.split_button, self.move_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _button(self, text: str, tip: str, action: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: action())
        return button

    # -- showing ----------------------------------------------------------------------------------------

    def _show(self, details: CellDetails | None) -> None:
        selected = self.selected_allocation() if self._details is not None else None
        self._details = details
        projects = (
            sorted(self._heatmap.capacity_model.names.projects.items(), key=lambda item: item[1].casefold())
            if self._heatmap.loaded
            else []
        )
        listed = details is not None and details.row.kind is not RowKind.GROUP
        self.allocations.show_cell(details if listed else None, projects)
        for widget in (self._title, self._subtitle, self._chip, self._numbers):
            widget.setVisible(details is not None)
        self._projects.setVisible(details is not None and not listed)
        self.table.setVisible(listed)
        self._hint.setVisible(details is None)
        if details is not None:
            self._describe(details)
        if selected is not None:
            self.select_allocation(selected.id)
        elif self.allocations.rowCount():
            self.table.selectRow(0)
        self._enable_buttons()

    def _describe(self, details: CellDetails) -> None:
        row, grid = details.row, self._heatmap.grid
        self._title.setText(
            row.label if row.kind is not RowKind.UNFILLED else tr("Unfilled demand: {role}", role=row.role)
        )
        who = row.role if row.kind is RowKind.PERSON else ""
        self._subtitle.setText(" · ".join(part for part in (who, period_text(grid, details.bucket)) if part))
        counted = self._heatmap.include_tentative
        load = details.load(counted)
        self._numbers.setText(
            tr(
                "Capacity {capacity} h · confirmed {confirmed} h · tentative {tentative} h",
                capacity=hours_text(details.capacity),
                confirmed=hours_text(details.confirmed),
                tentative=hours_text(details.tentative),
            )
            + (tr(" · {days} days off", days=hours_text(details.time_off_days)) if details.time_off_days else "")
        )
        self._show_chip(details, load)
        self._projects.setText(_projects_html(details))

    def _show_chip(self, details: CellDetails, load: float) -> None:
        """The cell's utilisation in its own colour, or the unfilled hours."""
        if details.row.kind is RowKind.UNFILLED:
            self._chip.setText(tr("{hours} h needed, nobody named", hours=hours_text(load)))
            shade = heatmap_colours.UNFILLED
        else:
            ratio = details.utilisation(self._heatmap.include_tentative)
            self._chip.setText(
                tr("{percent} of capacity · {hours} h planned", percent=percent_text(ratio), hours=hours_text(load))
            )
            shade = heatmap_colours.shade_of(ratio, load, details.capacity)
        colour, text = heatmap_colours.SHADES[shade].colour, heatmap_colours.text_colours()[shade].name()
        self._chip.setStyleSheet(f"QLabel#cellChip {{ background: {colour}; color: {text}; }}")

    def _enable_buttons(self) -> None:
        details = self._details
        allocation = self.selected_allocation() if details is not None else None
        editable = not self._document.read_only
        staffable = details is not None and details.row.kind is not RowKind.GROUP
        self.add_button.setEnabled(editable and staffable)
        for button in (self.edit_button, self.move_button, self.delete_button):
            button.setEnabled(editable and allocation is not None)
        can_split = (
            allocation is not None
            and details is not None
            and allocation.span_start < details.start <= allocation.span_finish
        )
        self.split_button.setEnabled(editable and can_split)
        for button in (self.add_button, self.edit_button, self.split_button, self.move_button, self.delete_button):
            button.setVisible(staffable)


def _projects_html(details: CellDetails) -> str:
    if not details.projects:
        return tr("No project loads this period.")
    rows = "".join(
        f"<tr><td><span style='color:{escape(project.colour or '#868e96')}'>■</span> {escape(project.project)}</td>"
        f"<td align='right' style='padding-left:12px'>{hours_text(project.hours)} h</td></tr>"
        for project in details.projects
    )
    return f"<b>{escape(tr('By project'))}</b><table cellspacing='0' cellpadding='2'>{rows}</table>"
