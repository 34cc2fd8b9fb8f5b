"""The capacity heatmap's keys on the large portfolio (500 people, about 50,000 allocations, 156 weeks).

heatmap_grid_ms: the grid read model of the open workspace (`heatmap_grid` over the workspace's capacity
model: every person's and team's row of 156 weeks), as the view asks for it on every regrouping.
heatmap_person_ms: after one allocation edit, bringing the capacity model and the grid up to date
(re-reading the allocation, recomputing its person's row and group total).
heatmap_paint_ms: a full repaint of the heatmap widget at 1600 x 900, rendered offscreen into an image.
heatmap_load_ms (no target): reading the portfolio into a new capacity model and laying out the first grid,
what opening the Resources view costs once per file.
"""

import shutil
from datetime import date
from pathlib import Path

from bench.timing import Result, median_seconds
from pmo_desktop.capacity import Horizon
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.capacity_model import CapacityModel
from pmo_desktop.services.capacity_queries import Grouping, heatmap_grid, refresh_grid
from pmo_desktop.services.records import list_records, update_record
from pmo_desktop.services.workspace import Workspace

WEEKS = 156
PAINT_SIZE = (1600, 900)


def _horizon(workspace: Workspace) -> Horizon:
    """156 weeks from the Monday of the earliest allocation: the whole large portfolio."""
    first = min(record["start"] for record in list_records(workspace, EntityKind.ALLOCATION))
    return Horizon.weeks(first, WEEKS)


def measure(large: Path, scratch: Path) -> list[Result]:
    target = scratch / "capacity.pmo"
    shutil.copyfile(large, target)
    workspace = Workspace.open(target)
    try:
        horizon = _horizon(workspace)
        today = horizon.starts[WEEKS // 2]
        load = median_seconds(lambda: heatmap_grid(CapacityModel(workspace, horizon), Grouping.TEAM, today=today), 3)
        model = CapacityModel(workspace, horizon)
        grid = heatmap_grid(model, Grouping.TEAM, today=today)
        assert grid.shape[1] == WEEKS and grid.shape[0] >= 500, grid.shape
        grid_seconds = median_seconds(lambda: heatmap_grid(model, Grouping.TEAM), 20)
        person_seconds = _person_edit(workspace, model)
    finally:
        workspace.close()
    return [
        Result("heatmap_grid_ms", 1000 * grid_seconds, "ms", 100),
        Result("heatmap_person_ms", 1000 * person_seconds, "ms", 10),
        Result("heatmap_paint_ms", 1000 * _paint(target, today), "ms", 16),
        Result("heatmap_load_ms", 1000 * load, "ms"),
    ]


def _person_edit(workspace: Workspace, model: CapacityModel) -> float:
    """Median time to bring model and grid up to date after one allocation's hours change."""
    allocation = next(
        record for record in list_records(workspace, EntityKind.ALLOCATION) if record["person_id"] is not None
    )
    grid = heatmap_grid(model, Grouping.TEAM)
    amounts = iter([3.0, 5.0] * 50)
    pending = []

    def edit() -> None:
        pending.append(update_record(workspace, EntityKind.ALLOCATION, allocation.id, {"amount": next(amounts)}))

    def follow() -> None:
        refresh_grid(grid, model, model.apply(pending.pop()))

    return median_seconds(follow, 21, setup=edit)


def _paint(path: Path, today: date) -> float:
    """Median time of a full offscreen render of the heatmap widget, scrolled to the middle of the grid."""
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.gui.document import Document
    from pmo_desktop.gui.models.heatmap_model import HeatmapModel
    from pmo_desktop.gui.views.resources.heatmap_widget import HeatmapWidget

    app = QApplication.instance() or QApplication(["bench", "-platform", "offscreen"])
    document = Document(Workspace.open(path))
    try:
        model = HeatmapModel(document, today=today)
        model.load()
        model.set_options()  # the defaults: by team, weeks, percent
        widget = HeatmapWidget(model)
        widget.resize(*PAINT_SIZE)
        widget.show()
        app.processEvents()
        widget.verticalScrollBar().setValue(widget.verticalScrollBar().maximum() // 2)
        widget.select_cell(model.rowCount() // 2, model.columnCount() // 2)
        image = QImage(*PAINT_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
        seconds = median_seconds(lambda: widget.render(image), 15)
        widget.close()
        widget.deleteLater()
        app.processEvents()
    finally:
        document.close()
    return seconds
