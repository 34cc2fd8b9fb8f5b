"""The roadmap painted as ReportLab vector graphics: one `Drawing` per tile (see `roadmap_layout`).

Each tile repeats the row labels and the time axis (quarters over months), shades the report period, and
draws a dashed line on the as-of day. A project is a bar in its overall RAG's colour (grey without a report
or once closed, dashed when tentative): a pale track from start to forecast finish with the share done
filled in, a tick at its baseline finish, and diamonds for milestones (dark when achieved, red when late or
overdue, hollow when to come). A bar running past the tile's edge ends in a small arrow. Text is drawn as
strings, which ReportLab never parses as markup.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pmo_desktop.domain.enums import Stage
from pmo_desktop.i18n import tr
from pmo_desktop.reporting.charts.roadmap_layout import RoadmapRow, Tile, TimeScale, Window
from pmo_desktop.reporting.styles import (
    BOLD,
    FAINT,
    FONT,
    GRID,
    INK,
    MUTED,
    NO_REPORT,
    RAG_COLOURS,
    RULE,
    SURFACE,
    TODAY,
)
from pmo_desktop.reporting.text import fit, month, plain
from pmo_desktop.services.board_pack_period import ReportPeriod, period_of
from pmo_desktop.services.board_pack_queries import MilestoneState

LABEL_WIDTH = 200.0
AXIS_HEIGHT = 30.0
ROW_HEIGHT = 15.0
MAX_ROW_HEIGHT = 22.0
MIN_MONTH_WIDTH = 26.0
LEGEND_HEIGHT = 16.0
PERIOD_FILL = "#e7eefc"
CLOSED = "#adb5bd"
_SIZE = 7.5
_DIAMOND = 3.6
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class RoadmapFrame:
    """What every tile shares: the window, the report period, the as-of day and the tile's width."""

    window: Window
    period: ReportPeriod
    as_of: date
    width: float
    row_height: float = ROW_HEIGHT


def tint(colour: str, strength: float) -> str:
    """`colour` mixed with white: `strength` 1 is the colour itself, 0 is white."""
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    mixed = (round(255 - (255 - value) * strength) for value in (red, green, blue))
    return "#{:02x}{:02x}{:02x}".format(*mixed)


def bar_colour(row: RoadmapRow) -> str:
    """Closed: grey; otherwise the overall RAG of the latest report, grey without one."""
    if row.stage is Stage.CLOSED:
        return CLOSED
    return RAG_COLOURS[row.rag.value] if row.rag is not None else NO_REPORT


def tile_height(tile: Tile, row_height: float = ROW_HEIGHT) -> float:
    return AXIS_HEIGHT + row_height * len(tile.rows) + 2


def draw_tile(tile: Tile, frame: RoadmapFrame) -> Any:
    """The tile as a `Drawing` of `frame.width` x `tile_height(tile)` points."""
    return _TilePainter(tile, frame).paint()


class _Shapes:
    """Shapes in the pack's fonts and colours, added to one drawing."""

    def __init__(self, drawing: Any) -> None:
        self.drawing = drawing

    def text(
        self, x: float, y: float, text: str, *, bold: bool = False, colour: str = INK, anchor: str = "start"
    ) -> None:
        from reportlab.graphics.shapes import String
        from reportlab.lib import colors

        font = BOLD if bold else FONT
        self.drawing.add(
            String(
                x, y, plain(text), fontName=font, fontSize=_SIZE, fillColor=colors.HexColor(colour), textAnchor=anchor
            )
        )

    def rect(
        self, box: tuple[float, float, float, float], fill: str, stroke: str | None = None, dash: Any = None
    ) -> None:
        from reportlab.graphics.shapes import Rect
        from reportlab.lib import colors

        x, y, width, height = box
        line = colors.HexColor(stroke) if stroke else None
        fill_colour = colors.HexColor(fill)
        weight = 0.6 if stroke else 0
        shape = Rect(
            x, y, width, height, fillColor=fill_colour, strokeColor=line, strokeWidth=weight, strokeDashArray=dash
        )
        self.drawing.add(shape)

    def line(
        self, start: tuple[float, float], end: tuple[float, float], colour: str, width: float = 0.5, dash: Any = None
    ) -> None:
        from reportlab.graphics.shapes import Line
        from reportlab.lib import colors

        self.drawing.add(
            Line(*start, *end, strokeColor=colors.HexColor(colour), strokeWidth=width, strokeDashArray=dash)
        )

    def polygon(self, points: list[float], fill: str, stroke: str | None = None) -> None:
        from reportlab.graphics.shapes import Polygon
        from reportlab.lib import colors

        line = colors.HexColor(stroke) if stroke else None
        self.drawing.add(
            Polygon(points, fillColor=colors.HexColor(fill), strokeColor=line, strokeWidth=0.6 if stroke else 0)
        )

    def diamond(self, x: float, y: float, state: MilestoneState) -> None:
        if state in (MilestoneState.ACHIEVED, MilestoneState.ACHIEVED_LATE):
            fill = INK
        elif state.concern:
            fill = RAG_COLOURS["red"]
        else:
            fill = "#ffffff"
        self.polygon([x, y - _DIAMOND, x + _DIAMOND, y, x, y + _DIAMOND, x - _DIAMOND, y], fill, INK)


class _TilePainter(_Shapes):
    """Paints one tile: period band, grid and axis, rows, today line."""

    def __init__(self, tile: Tile, frame: RoadmapFrame) -> None:
        from reportlab.graphics.shapes import Drawing

        self.tile, self.frame = tile, frame
        self.height = tile_height(tile, frame.row_height)
        self.row = frame.row_height
        super().__init__(Drawing(frame.width, self.height))
        first = frame.window.month_start(tile.first_month)
        end = frame.window.month_start(tile.stop_month)
        self.scale = TimeScale(first, end, LABEL_WIDTH, frame.width - LABEL_WIDTH - 4)
        self.body_top = self.height - AXIS_HEIGHT

    @property
    def right(self) -> float:
        return self.scale.left + self.scale.width

    def paint(self) -> Any:
        self._period_band()
        self._grid()
        for index, row in enumerate(self.tile.rows):
            top = self.body_top - index * self.row
            if row.is_programme:
                self._band(row, top)
            else:
                self._project(row, top)
        self._today()
        return self.drawing

    def _period_band(self) -> None:
        period = self.frame.period
        left, right = self.scale.clamp(period.first), self.scale.clamp(period.following().first)
        if right > left:
            self.rect((left, 0, right - left, self.body_top), PERIOD_FILL)

    def _grid(self) -> None:
        """Month lines, quarter lines, and the axis: quarters (of the report's kind) over months."""
        window, start_month = self.frame.window, self.frame.period.start_month
        self.line((0, self.body_top), (self.right, self.body_top), RULE, 0.8)
        for offset in range(self.tile.first_month, self.tile.stop_month):
            start = window.month_start(offset)
            x = self.scale.x(start)
            quarter_start = offset % 3 == 0
            top = self.body_top + (AXIS_HEIGHT if quarter_start else 12)
            self.line((x, 0), (x, top), RULE if quarter_start else GRID)
            middle = (x + self.scale.x(window.month_start(offset + 1))) / 2
            self.text(middle, self.body_top + 3.5, month(start), colour=MUTED, anchor="middle")
            if quarter_start:
                right = self.scale.x(window.month_start(min(offset + 3, self.tile.stop_month)))
                self.text(
                    (x + right) / 2, self.body_top + 17, period_of(start, start_month).label, bold=True, anchor="middle"
                )
        self.line((self.right, 0), (self.right, self.height - 2), RULE)

    def _band(self, row: RoadmapRow, top: float) -> None:
        self.rect((0, top - self.row, self.right, self.row), SURFACE)
        label = row.label + (" " + tr("(continued)") if row.continued else "")
        self.text(4, top - self.row / 2 - 2.6, fit(label, BOLD, _SIZE, LABEL_WIDTH - 8), bold=True)

    def _project(self, row: RoadmapRow, top: float) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        baseline = top - self.row / 2 - 2.6
        code = fit(row.label, BOLD, _SIZE, 60)
        self.text(10, baseline, code, bold=True)
        name_left = 10 + stringWidth(code, BOLD, _SIZE) + 5
        self.text(name_left, baseline, fit(row.name, FONT, _SIZE, LABEL_WIDTH - name_left - 8), colour=MUTED)
        self.line((0, top - self.row), (self.right, top - self.row), GRID, 0.3)
        if row.start is None or row.finish is None:
            self.text(self.scale.left + 4, baseline, tr("no plan yet"), colour=FAINT)
            return
        self._bar(row, top)
        for milestone in row.milestones:
            if self.scale.shows(milestone.day):
                x = (self.scale.x(milestone.day) + self.scale.x(milestone.day + _ONE_DAY)) / 2
                self.diamond(x, top - self.row / 2, milestone.state)

    def _bar(self, row: RoadmapRow, top: float) -> None:
        assert row.start is not None and row.finish is not None
        scale, colour = self.scale, bar_colour(row)
        after = row.finish + _ONE_DAY
        left, right = scale.clamp(row.start), scale.clamp(after)
        if right <= left:
            return
        height = max(7.0, self.row - 9)
        y = top - self.row / 2 - height / 2
        self.rect((left, y, right - left, height), tint(colour, 0.35), colour, (2, 1.5) if row.tentative else None)
        if row.percent_complete:
            done = scale.x(row.start) + (scale.x(after) - scale.x(row.start)) * row.percent_complete / 100
            done = min(max(done, left), right)
            if done > left:
                self.rect((left, y, done - left, height), colour)
        if row.baseline_finish is not None and scale.shows(row.baseline_finish):
            x = scale.x(row.baseline_finish + _ONE_DAY)
            self.line((x, y - 2), (x, y + height + 2), INK, 1.1)
        middle = y + height / 2
        if row.start < scale.first:
            self.polygon([left, middle - 3, left - 4, middle, left, middle + 3], MUTED)
        if after > scale.end:
            self.polygon([right, middle - 3, right + 4, middle, right, middle + 3], MUTED)

    def _today(self) -> None:
        if self.scale.shows(self.frame.as_of):
            x = self.scale.x(self.frame.as_of)
            self.line((x, 0), (x, self.body_top), TODAY, 0.9, dash=(3, 2))


def legend(width: float) -> Any:
    """A one-line key to the bars, ticks, diamonds, the period band and the as-of line."""
    from reportlab.graphics.shapes import Drawing
    from reportlab.pdfbase.pdfmetrics import stringWidth

    shapes = _Shapes(Drawing(width, LEGEND_HEIGHT))
    x, y = 0.0, 5.0

    def label(text: str) -> None:
        nonlocal x
        shapes.text(x, y, text, colour=MUTED)
        x += stringWidth(plain(text), FONT, _SIZE) + 11

    bars = (
        (tr("Green"), RAG_COLOURS["green"]),
        (tr("Amber"), RAG_COLOURS["amber"]),
        (tr("Red"), RAG_COLOURS["red"]),
        (tr("No report"), NO_REPORT),
        (tr("Closed"), CLOSED),
    )
    for name, colour in bars:
        shapes.rect((x, y - 1, 8, 7), tint(colour, 0.35), colour)
        shapes.rect((x, y - 1, 4, 7), colour)
        x += 11
        label(name)
    shapes.line((x + 2, y - 2), (x + 2, y + 7), INK, 1.1)
    x += 7
    label(tr("baseline finish"))
    marks = (
        (tr("achieved"), MilestoneState.ACHIEVED),
        (tr("to come"), MilestoneState.ON_TRACK),
        (tr("late or overdue"), MilestoneState.OVERDUE),
    )
    for name, state in marks:
        shapes.diamond(x + 3.5, y + 2.5, state)
        x += 10
        label(name)
    shapes.rect((x, y - 1, 10, 7), PERIOD_FILL)
    x += 13
    label(tr("report period"))
    shapes.line((x + 2, y - 2), (x + 2, y + 7), TODAY, 0.9, dash=(3, 2))
    x += 7
    label(tr("as-of day"))
    return shapes.drawing
