"""How the heatmap reads: numbers in cells, column headings, the hover card and tab-separated copies.

Cells show utilisation as a whole percent or load as hours (one decimal at most). Column headings name the
ISO week and its Monday, or the month; the copy uses ISO dates so a spreadsheet recognises them.
"""

from collections.abc import Sequence
from datetime import date
from html import escape

import numpy as np

from pmo_desktop.gui.formatting import format_date
from pmo_desktop.i18n import month_abbreviation, tr
from pmo_desktop.services.capacity_cells import CellDetails
from pmo_desktop.services.capacity_queries import Band, Granularity, HeatmapGrid, RowKind, band

_BAND_WORDS = {Band.UNDER: "under", Band.HEALTHY: "healthy", Band.FULL: "full", Band.OVER: "over capacity"}
INFINITE = "∞"


def percent_text(ratio: float) -> str:
    if not np.isfinite(ratio):
        return INFINITE
    return f"{round(ratio * 100)}%"


def hours_text(hours: float) -> str:
    """Hours to one decimal, without a trailing ".0": "37.5", "40"."""
    tenths = round(hours * 10)
    return f"{tenths // 10}" if tenths % 10 == 0 else f"{tenths / 10:.1f}"


def month_name(day: date) -> str:
    return month_abbreviation(day.month)


def short_date(day: date) -> str:
    """ "19 Oct 26": a date for narrow columns."""
    return f"{day.day} {month_name(day)} {day:%y}"


def bucket_label(grid: HeatmapGrid, bucket: int) -> str:
    """The column's name: "W48" for a week, "Nov" for a month."""
    start = grid.starts[bucket]
    if grid.granularity is Granularity.WEEK:
        return tr("W{week:02d}", week=start.isocalendar().week)
    return month_name(start)


def bucket_detail(grid: HeatmapGrid, bucket: int) -> str:
    """The second line of a week's heading (its Monday, "23"), or a month's year."""
    start = grid.starts[bucket]
    return f"{start.day}" if grid.granularity is Granularity.WEEK else f"{start.year}"


def period_text(grid: HeatmapGrid, bucket: int) -> str:
    """ "Week 48, 23 Nov 2026 to 29 Nov 2026" or "November 2026" for hovers and panels."""
    start, finish = grid.starts[bucket], grid.finishes[bucket]
    if grid.granularity is Granularity.WEEK:
        week = start.isocalendar().week
        return tr("Week {week}, {start} to {finish}", week=week, start=format_date(start), finish=format_date(finish))
    return f"{month_name(start)} {start.year}"


def group_text(grid: HeatmapGrid, bucket: int) -> str:
    """The label over a run of columns: the month of a week ("Nov 2026"), the year of a month."""
    start = grid.starts[bucket]
    if grid.granularity is Granularity.WEEK:
        # A week belongs to the month that holds its Thursday, as ISO weeks belong to years.
        thursday = date.fromordinal(start.toordinal() + 3)
        return f"{month_name(thursday)} {thursday.year}"
    return f"{start.year}"


def horizon_text(grid: HeatmapGrid) -> str:
    """The months a grid covers: "Oct 2026 to Sep 2027"."""
    return tr("{first} to {last}", first=_month_of(grid, 0), last=_month_of(grid, len(grid.starts) - 1))


def _month_of(grid: HeatmapGrid, bucket: int) -> str:
    if grid.granularity is Granularity.WEEK:
        return group_text(grid, bucket)
    start = grid.starts[bucket]
    return f"{month_name(start)} {start.year}"


def cell_tooltip(details: CellDetails, grid: HeatmapGrid, include_tentative: bool) -> str:
    """The hover card of a cell: who and when, capacity and load, time off, and hours by project."""
    row = details.row
    who = escape(row.label) + (f" · {escape(row.role)}" if row.role and row.kind is RowKind.PERSON else "")
    lines = [f"<b>{who}</b>", escape(period_text(grid, details.bucket))]
    table = [
        (tr("Capacity"), tr("{hours} h", hours=hours_text(details.capacity))),
        (tr("Confirmed"), tr("{hours} h", hours=hours_text(details.confirmed))),
        (tr("Tentative"), tr("{hours} h", hours=hours_text(details.tentative))),
    ]
    if row.kind is not RowKind.UNFILLED:
        ratio = details.utilisation(include_tentative)
        words = tr(_BAND_WORDS[band(ratio)])
        scope = "" if include_tentative else tr(" (confirmed only)")
        table.append((tr("Utilisation"), f"{percent_text(ratio)} — {words}{scope}"))
    if details.time_off_days > 0:
        table.append((tr("Time off"), tr("{days} working days", days=hours_text(details.time_off_days))))
    lines.append(_table(table))
    if details.capacity <= 0 < details.load():
        lines.append(f"<i>{escape(tr('Work is planned where there is no capacity (leave, or not employed).'))}</i>")
    if details.projects:
        lines.append(f"<b>{escape(tr('By project'))}</b>")
        lines.append(_projects_table(details))
    return "<br>".join(lines)


def _table(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='color:#52606d;padding-right:10px'>{escape(label)}</td><td>{escape(value)}</td></tr>"
        for label, value in rows
    )
    return f"<table cellspacing='0' cellpadding='1'>{cells}</table>"


def _projects_table(details: CellDetails) -> str:
    rows = []
    for project in details.projects:
        tentative = tr(" ({hours} h tentative)", hours=hours_text(project.tentative)) if project.tentative else ""
        swatch = f"<span style='color:{escape(project.colour or '#868e96')}'>■</span>"
        rows.append(
            f"<tr><td>{swatch} {escape(project.project)}</td>"
            f"<td align='right' style='padding-left:10px'>{hours_text(project.hours)} h{escape(tentative)}</td></tr>"
        )
    return f"<table cellspacing='0' cellpadding='1'>{''.join(rows)}</table>"


def tab_separated(lines: Sequence[Sequence[str]]) -> str:
    """Rows of fields as text a spreadsheet pastes into cells: tabs between fields, newlines between rows.

    Tabs and newlines inside a field would split it, so they become spaces.
    """
    clean = (("\t".join(field.replace("\t", " ").replace("\n", " ") for field in line)) for line in lines)
    return "\n".join(clean) + "\n"
