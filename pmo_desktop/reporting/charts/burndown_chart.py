"""The risk burndown: open threat exposure (the sum of the scores of open risks) week by week over the last
and the next quarter, from the RAID service's `Burndown`, drawn as the risk view draws it: the past as a
solid line, the projection (risks closing on their due dates) dashed, and the as-of day marked.

Days are plotted as day numbers from the first week, with month ticks labelled by us, so the axis reads
the same whatever the machine's locale.
"""

from datetime import date

from pmo_desktop.i18n import tr
from pmo_desktop.reporting.charts.figures import figure, font, label_ticks, png, style_axes
from pmo_desktop.reporting.styles import ACCENT, FAINT, TODAY
from pmo_desktop.reporting.text import month
from pmo_desktop.services.raid_analysis import Burndown


def has_exposure(burndown: Burndown) -> bool:
    """False when no week has any open, scored threat: the chart would be a flat line at zero."""
    return any(point.threat for point in burndown.points)


def month_ticks(first: date, last: date) -> list[tuple[int, str]]:
    """(day number from `first`, "Nov 2026") for every 1st of the month from `first` to `last`."""
    ticks = []
    current = date(first.year, first.month, 1)
    while current <= last:
        if current >= first:
            ticks.append(((current - first).days, f"{month(current)} {current.year}"))
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return ticks


def render(burndown: Burndown, width: float, height: float) -> bytes:
    from matplotlib.ticker import MaxNLocator

    origin = burndown.points[0].week
    past = [point for point in burndown.points if not point.projected]
    future = [point for point in burndown.points if point.projected]
    with figure(width, height) as chart:
        axes = chart.add_axes((44 / width, 22 / height, 1 - 54 / width, 1 - 44 / height))
        if past:
            days, values = [(point.week - origin).days for point in past], [point.threat for point in past]
            axes.fill_between(days, values, color=ACCENT, alpha=0.12, linewidth=0)
            axes.plot(days, values, color=ACCENT, linewidth=1.6, marker="o", markersize=2.2, label=tr("Actual"))
        if future:
            joined = past[-1:] + future
            axes.plot(
                [(point.week - origin).days for point in joined],
                [point.threat for point in joined],
                color=FAINT,
                linewidth=1.6,
                linestyle=(0, (4, 3)),
                label=tr("Projected (risks close when due)"),
            )
        top = max([point.threat for point in burndown.points] + [1])
        axes.set_ylim(0, top * 1.15)
        axes.set_xlim(0, (burndown.points[-1].week - origin).days)
        today = (burndown.today - origin).days
        axes.axvline(today, color=TODAY, linewidth=0.9, linestyle=(0, (3, 2)))
        axes.annotate(
            tr("as of"),
            (today, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            color=TODAY,
            fontproperties=font(),
        )
        ticks = month_ticks(origin, burndown.points[-1].week)
        axes.set_xticks([day for day, _ in ticks], [label for _, label in ticks])
        axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
        axes.set_ylabel(tr("Sum of scores"), fontproperties=font())
        style_axes(axes, grid_axis="y")
        label_ticks(axes)
        legend = axes.legend(
            loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, frameon=False, prop=font(), borderaxespad=0.4
        )
        legend.set_in_layout(False)
        return png(chart)
