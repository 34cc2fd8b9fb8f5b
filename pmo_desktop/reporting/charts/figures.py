"""Matplotlib set up for the pack: a `Figure` the size it is printed at, DejaVu Sans from the bundled file,
the app's colours, and a PNG that is the same bytes every time.

Sizes are given in points, like everything in the PDF, and the figure is made exactly that size, so a
7 pt label in matplotlib is 7 pt on paper. Charts are embedded as PNG at 200 dpi: sharp on screen and in
print, and small. Mathtext is switched off, so a `$` in a programme name prints as a dollar sign.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from io import BytesIO
from typing import TYPE_CHECKING, Literal

from pmo_desktop.reporting.styles import BOLD, FONT, MIN_SIZE, font_path

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

DPI = 200
POINTS_PER_INCH = 72.0
LABEL_SIZE = 7.5
TITLE_SIZE = 8.5


@cache
def font(size: float = LABEL_SIZE, bold: bool = False) -> "FontProperties":
    """The bundled DejaVu Sans at `size` points (never below the pack's minimum)."""
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=font_path(BOLD if bold else FONT), size=max(size, MIN_SIZE))


@contextmanager
def figure(width: float, height: float) -> Iterator["Figure"]:
    """A blank white figure of `width` x `height` points, with the pack's matplotlib settings."""
    import matplotlib
    from matplotlib.figure import Figure

    # Fixed hash salt should anyone switch the charts to SVG; no mathtext, so "$" prints as a dollar sign.
    with matplotlib.rc_context({"text.parse_math": False, "svg.hashsalt": "pmo-desktop", "axes.unicode_minus": True}):
        yield Figure(figsize=(width / POINTS_PER_INCH, height / POINTS_PER_INCH), dpi=DPI, facecolor="#ffffff")


def png(chart: "Figure") -> bytes:
    """The figure as PNG bytes without a timestamp or version in its metadata."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(chart)
    buffer = BytesIO()
    chart.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def style_axes(axes: "Axes", *, grid_axis: Literal["x", "y", "both", ""] = "x") -> None:
    """Quiet axes: light grid on `grid_axis`, no top or right spine, DejaVu tick labels at 7.5 pt."""
    axes.set_facecolor("#ffffff")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color("#c4ccd6")
    axes.tick_params(colors="#3e4c59", length=2.5, width=0.6)
    if grid_axis:
        axes.grid(axis=grid_axis, color="#e3e6ea", linewidth=0.6)
        axes.set_axisbelow(True)
    label_ticks(axes)


def label_ticks(axes: "Axes") -> None:
    """Set the bundled font on the tick labels (call again after changing ticks)."""
    for label in (*axes.get_xticklabels(), *axes.get_yticklabels()):
        label.set_fontproperties(font())
