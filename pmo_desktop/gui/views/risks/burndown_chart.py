"""The burndown: open threat exposure (the sum of the scores) per week over the last and the next quarter.

Drawn with a matplotlib `Figure` on a Qt canvas. matplotlib is imported when the chart is first shown, not
when the view is built (importing it costs most of a second), and a hidden chart keeps only its data.
The past is a solid line over a filled area, the projection a dashed line, and a dotted line marks today.
"""

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from pmo_desktop.gui.formatting import format_date
from pmo_desktop.i18n import tr
from pmo_desktop.services.raid_analysis import Burndown

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

_ACTUAL = "#1f4fd1"
_PROJECTED = "#7b8794"
_TODAY = "#c62828"
_GRID = "#e3e6ea"
_TEXT = "#3e4c59"
_FONT_SIZE = 9


class BurndownChart(QWidget):
    """A titled burndown chart; `set_burndown` gives it new numbers.

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._burndown: Burndown | None = None
        self._canvas: FigureCanvasQTAgg | None = None
        self._title = QLabel(tr("Open exposure, last and next quarter"), self)
        self._title.setObjectName("panelTitle")
        self._note = QLabel(self)
        self._note.setObjectName("panelNote")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(14, 10, 14, 6)
        self._layout.setSpacing(2)
        self._layout.addWidget(self._title)
        self._layout.addWidget(self._note)
        self.setMinimumHeight(230)

    @property
    def burndown(self) -> Burndown | None:
        return self._burndown

    @property
    def canvas(self) -> "FigureCanvasQTAgg | None":
        """The matplotlib canvas, once the chart has been shown."""
        return self._canvas

    def set_burndown(self, burndown: Burndown) -> None:
        self._burndown = burndown
        self._note.setText(_note(burndown))
        if self._canvas is not None:
            self._draw()

    def showEvent(self, event: object) -> None:
        if self._canvas is None:
            self._create_canvas()
            self._draw()
        super().showEvent(event)  # type: ignore[arg-type]

    def _create_canvas(self) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        figure = Figure(figsize=(6, 2.4), dpi=self.logicalDpiX(), facecolor="#ffffff", layout="constrained")
        self._canvas = FigureCanvasQTAgg(figure)
        self._canvas.setParent(self)
        self._canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout.addWidget(self._canvas, 1)

    def _draw(self) -> None:
        assert self._canvas is not None
        figure = self._canvas.figure
        figure.clear()
        axes = figure.add_subplot()
        if self._burndown is not None:
            _plot(axes, self._burndown)
        _style(axes)
        self._canvas.draw_idle()


def _plot(axes: "Axes", burndown: Burndown) -> None:
    past = [point for point in burndown.points if not point.projected]
    future = [point for point in burndown.points if point.projected]
    past_x = [point.week for point in past]
    past_y = [point.threat for point in past]
    axes.fill_between(past_x, past_y, color=_ACTUAL, alpha=0.12, linewidth=0)
    axes.plot(past_x, past_y, color=_ACTUAL, linewidth=2, marker="o", markersize=3, label=tr("Actual"))
    if future:
        # The projection starts where the actual line ends, so the two read as one series.
        joined = past[-1:] + future
        axes.plot(
            [point.week for point in joined],
            [point.threat for point in joined],
            color=_PROJECTED,
            linewidth=2,
            linestyle=(0, (4, 3)),
            label=tr("Projected (planned closures)"),
        )
    axes.axvline(burndown.today, color=_TODAY, linewidth=1.2, linestyle=":")
    top = max([point.threat for point in burndown.points] + [1])
    axes.set_ylim(0, top * 1.18)
    axes.annotate(
        tr("Today"), (burndown.today, top * 1.12), color=_TODAY, fontsize=_FONT_SIZE, ha="center", va="bottom"
    )
    axes.set_xlim(burndown.points[0].week, burndown.points[-1].week)
    axes.legend(loc="lower left", fontsize=_FONT_SIZE - 0.5, frameon=False, ncols=2)


def _style(axes: "Axes") -> None:
    from matplotlib.dates import DateFormatter, MonthLocator
    from matplotlib.ticker import MaxNLocator

    axes.set_ylabel(tr("Sum of scores"), fontsize=_FONT_SIZE, color=_TEXT)
    axes.xaxis.set_major_locator(MonthLocator())
    axes.xaxis.set_major_formatter(DateFormatter("%b %Y"))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    axes.tick_params(labelsize=_FONT_SIZE, colors=_TEXT, length=3)
    axes.grid(axis="y", color=_GRID, linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color("#c4ccd6")


def _note(burndown: Burndown) -> str:
    current = burndown.current
    now = 0 if current is None else current.threat
    last = burndown.points[-1].threat if burndown.points else 0
    return tr(
        "{basis} scores of the open threats shown · now {now} · {end}: {last} if items close as planned",
        basis=burndown.basis.label,
        now=now,
        end=format_date(burndown.end),
        last=last,
    )
