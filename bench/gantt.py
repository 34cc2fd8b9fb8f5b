"""The Gantt's keys on the large portfolio (200 projects, 10,000 tasks, 20,000 links), everything expanded.

gantt_paint_ms: a full repaint of the chart at 1600 x 900 rendered offscreen into an image, scrolled to the
middle of the rows, at each zoom level (days, weeks, months, quarters); the key is the slowest level.
gantt_drag_ms: what one drag of a bar costs: the move command (the service reschedules the task and its
successors in its transaction), the model re-reading the rows that moved, and the chart repainted.
gantt_load_ms (no target): opening the Gantt view once per file: reading the schedule, building the rows,
expanding the outline and laying out the first screen.
"""

import shutil
import statistics
import time
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from bench.timing import Result, median_seconds
from pmo_desktop.gui.commands.schedule_commands import MoveTaskCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.views.gantt.gantt_view import GanttView
from pmo_desktop.gui.views.gantt.time_scale import Tier
from pmo_desktop.services.workspace import Workspace

PAINT_SIZE = (1600, 900)
PAINT_RUNS = 15
DRAG_RUNS = 15


def measure(large: Path, scratch: Path) -> list[Result]:
    app = QApplication.instance() or QApplication(["bench", "-platform", "offscreen"])
    target = scratch / "gantt.pmo"
    shutil.copyfile(large, target)
    document = Document(Workspace.open(target))
    try:
        began = time.perf_counter()
        view = _open_view(document, app)
        load = time.perf_counter() - began
        paint = max(_paint_each_zoom(view, app).values())
        drag = _drag(view, document)
        view.close()
        view.deleteLater()
        app.processEvents()
    finally:
        document.close()
    return [
        Result("gantt_paint_ms", 1000 * paint, "ms", 16),
        Result("gantt_drag_ms", 1000 * drag, "ms", 100),
        Result("gantt_load_ms", 1000 * load, "ms"),
    ]


def _open_view(document: Document, app: QCoreApplication) -> GanttView:
    view = GanttView(document)
    view.resize(2200, 1000)
    view.show()
    app.processEvents()
    view.chart.resize(*PAINT_SIZE)
    return view


def _paint_each_zoom(view: GanttView, app: QCoreApplication) -> dict[str, float]:
    """Median seconds of a full render of the chart at each zoom level, in the middle of the plan."""
    chart = view.chart
    image = QImage(*PAINT_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    lines = chart.layout_rows
    middle = lines.row(len(lines) // 2)
    seconds = {}
    for tier in Tier:
        chart.set_tier(tier)
        chart.verticalScrollBar().setValue(chart.verticalScrollBar().maximum() // 2)
        if middle.start is not None:
            chart.scroll_to_day(middle.start, 0.3)
        app.processEvents()
        seconds[tier.value] = median_seconds(lambda: chart.render(image), PAINT_RUNS)
    return seconds


def _drag(view: GanttView, document: Document) -> float:
    """Median seconds of moving a task with successors by a week or two, following it, and repainting."""
    chart = view.chart
    data = view.model.data_model
    linked = {link.predecessor_id for link in data.links}
    later = data.tasks[len(data.tasks) // 2 :]
    task = next(task for task in later if task.id in linked and not task.has_children)
    chart.set_tier(Tier.WEEKS)
    chart.show_task(task.id)
    image = QImage(*PAINT_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    samples = []
    for step in range(DRAG_RUNS):
        start = task.start + timedelta(days=7 * (step % 2 + 1))
        began = time.perf_counter()
        document.run(MoveTaskCommand(document, task.id, start))
        chart.render(image)
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)
