"""The finance chart: the portfolio's planned, actual and forecast money in each quarter shown.

`quarter_bars` takes the finance reading's portfolio line; `render` draws three bars per quarter with the
report quarter shaded. Actual money is only shown for quarters that have begun by the as-of day.
"""

from dataclasses import dataclass

from pmo_desktop.i18n import tr
from pmo_desktop.reporting.charts.figures import figure, font, label_ticks, png, style_axes
from pmo_desktop.reporting.styles import BAR, FAINT
from pmo_desktop.reporting.text import money_short
from pmo_desktop.services.board_pack_finance import FinanceReading
from pmo_desktop.services.board_pack_period import ReportPeriod

PLANNED = "#c5d0f7"
FORECAST = "#f2b36b"
_SHADE = "#eef2fd"


@dataclass(frozen=True)
class QuarterBars:
    """Money (minor units) per quarter; `actual` is None for quarters not yet begun."""

    labels: tuple[str, ...]
    planned: tuple[int, ...]
    actual: tuple[int | None, ...]
    forecast: tuple[int, ...]
    current: int | None


def quarter_bars(reading: FinanceReading, period: ReportPeriod) -> QuarterBars:
    total = reading.total
    quarters = reading.quarters
    return QuarterBars(
        labels=tuple(quarter.label for quarter in quarters),
        planned=tuple(amounts.planned_minor for amounts in total.quarters),
        actual=tuple(
            amounts.actual_minor if quarter.first <= reading.as_of else None
            for quarter, amounts in zip(quarters, total.quarters, strict=True)
        ),
        forecast=tuple(amounts.forecast_minor for amounts in total.quarters),
        current=next((index for index, quarter in enumerate(quarters) if quarter == period), None),
    )


def render(bars: QuarterBars, currency: str, width: float, height: float) -> bytes:
    from matplotlib.ticker import FuncFormatter

    with figure(width, height) as chart:
        axes = chart.add_axes((58 / width, 26 / height, 1 - 66 / width, 1 - 48 / height))
        count = len(bars.labels)
        step = 0.26
        positions = list(range(count))
        if bars.current is not None:
            axes.axvspan(bars.current - 0.5, bars.current + 0.5, color=_SHADE, zorder=0, linewidth=0)
        axes.bar([x - step for x in positions], bars.planned, step, color=PLANNED, label=tr("Planned"), zorder=2)
        actual = [value or 0 for value in bars.actual]
        shown = [x for x, value in zip(positions, bars.actual, strict=True) if value is not None]
        axes.bar(shown, [actual[x] for x in shown], step, color=BAR, label=tr("Actual"), zorder=2)
        axes.bar([x + step for x in positions], bars.forecast, step, color=FORECAST, label=tr("Forecast"), zorder=2)
        axes.set_xticks(positions, list(bars.labels))
        axes.set_xlim(-0.6, count - 0.4)
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: money_short(int(value), currency)))
        style_axes(axes, grid_axis="y")
        label_ticks(axes)
        legend = axes.legend(
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            ncol=3,
            frameon=False,
            prop=font(),
            borderaxespad=0.4,
            handlelength=1.0,
            columnspacing=1.4,
        )
        legend.set_in_layout(False)
        if bars.current is not None:
            axes.annotate(
                tr("report period"),
                (bars.current, 1.0),
                xycoords=("data", "axes fraction"),
                ha="center",
                va="bottom",
                color=FAINT,
                fontproperties=font(),
                xytext=(0, 2),
                textcoords="offset points",
            )
        return png(chart)
