"""The strategic alignment panel: the objectives with what they get, and the projects x objectives matrix.

Double-clicking a project opens its editor (where its objectives and weights are set); double-clicking an
objective opens the objective's editor.
"""

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models.alignment_models import AlignmentMatrixModel, ObjectivesModel
from pmo_desktop.gui.models.roles import RecordIdRole, SortRole
from pmo_desktop.i18n import tr

_OBJECTIVES_SHOWN = 6


def _table(model: QSortFilterProxyModel, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def _sorted(model: ObjectivesModel | AlignmentMatrixModel, parent: QWidget) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSortRole(SortRole)
    proxy.setSourceModel(model)
    return proxy


class AlignmentPanel(QWidget):
    """Objectives above, the weight matrix below; unaligned projects are flagged in red.

    Signals:
        project_activated(int): a project row was double-clicked (its id).
        objective_activated(int): an objective row was double-clicked (its id).
    """

    project_activated = Signal(int)
    objective_activated = Signal(int)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.objectives = ObjectivesModel(document, self)
        self.matrix = AlignmentMatrixModel(document, self)
        self.objectives_table = _table(_sorted(self.objectives, self), self)
        self.matrix_table = _table(_sorted(self.matrix, self), self)
        self.unaligned_note = QLabel(self)
        self.unaligned_note.setObjectName("alignmentNote")
        self.unaligned_note.setWordWrap(True)
        self.objectives_table.doubleClicked.connect(lambda index: self._activated(index, self.objective_activated))
        self.matrix_table.doubleClicked.connect(lambda index: self._activated(index, self.project_activated))
        self.matrix.modelReset.connect(self._refresh)
        self.objectives.modelReset.connect(self._size_columns)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._section(tr("Strategic objectives"), self.objectives_table))
        layout.addWidget(
            self._section(tr("Projects × objectives (weight in %)"), self.matrix_table, self.unaligned_note), 1
        )
        self._refresh()

    def current_project_id(self) -> int | None:
        index = self.matrix_table.currentIndex()
        return int(index.data(RecordIdRole)) if index.isValid() else None

    def current_objective_id(self) -> int | None:
        index = self.objectives_table.currentIndex()
        return int(index.data(RecordIdRole)) if index.isValid() else None

    def _section(self, title: str, table: QTableView, note: QLabel | None = None) -> QWidget:
        box = QWidget(self)
        heading = QLabel(title, box)
        heading.setObjectName("sectionTitle")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(heading)
        if note is not None:
            layout.addWidget(note)
        layout.addWidget(table, 1)
        return box

    def _refresh(self) -> None:
        unaligned = self.matrix.alignment.unaligned
        if unaligned:
            names = ", ".join(f"{project.code} {project.name}" for project in unaligned)
            sentence = (
                "1 project serves no objective: {names}."
                if len(unaligned) == 1
                else ("{count} projects serve no objective: {names}.")
            )
            self.unaligned_note.setText("⚠  " + tr(sentence, count=len(unaligned), names=names))
        self.unaligned_note.setVisible(bool(unaligned))
        self._size_columns()

    def _size_columns(self) -> None:
        # The objectives are few: show them all, scrolling only past a handful.
        rows = min(max(self.objectives.rowCount(), 1), _OBJECTIVES_SHOWN)
        table = self.objectives_table
        height = table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(height + 2 * table.frameWidth() + 2)
        for table, stretch in ((self.objectives_table, 1), (self.matrix_table, 1)):
            header = table.horizontalHeader()
            table.resizeColumnsToContents()
            for section in range(header.count()):
                header.resizeSection(section, min(320, header.sectionSize(section) + 16))
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    @staticmethod
    def _activated(index: QModelIndex, signal: Signal) -> None:
        if index.isValid():
            signal.emit(int(index.data(RecordIdRole)))  # type: ignore[attr-defined]
