"""Capacity: utilisation by role, week by week over the next two quarters (the capacity engine through the
heatmap query), with the app's colour scale, then the worst runs of over-allocation and who causes them."""

from typing import Any

from pmo_desktop.i18n import tr
from pmo_desktop.reporting.charts import capacity_shades
from pmo_desktop.reporting.flowables import keep_room, no_data, para, space
from pmo_desktop.reporting.options import Section
from pmo_desktop.reporting.pack_data import CapacityPicture
from pmo_desktop.reporting.sections.base import SectionContext, Story
from pmo_desktop.reporting.styles import BOLD, FONT, GRID, MUTED, RULE, SURFACE, TEXT
from pmo_desktop.reporting.tables import TableSpec, build_table, cell, header_cells
from pmo_desktop.reporting.text import clip, day, month, percent, short_day
from pmo_desktop.services.capacity_hotspots import OverAllocation

LABEL_WIDTH = 150.0
_TOP_PROJECTS = 3


def build(context: SectionContext) -> Story:
    picture = context.data.capacity
    assert picture is not None
    grid = picture.grid
    first, last = grid.starts[0], grid.finishes[-1]
    story = context.opening(
        Section.CAPACITY,
        tr(
            "Utilisation by role for the next two quarters, week by week from {first} to {last}: allocated hours "
            "(confirmed and tentative, and demand no one is named for yet) as a % of the role's capacity.",
            first=day(first),
            last=day(last),
        ),
    )
    if not grid.rows:
        story.append(no_data(tr("No one has capacity or allocations in these weeks.")))
    else:
        story += [_heatmap(context, picture), space(4), *_key(context)]
    story += [keep_room(100), context.subheading(tr("Top over-allocations")), *_over_allocations(context, picture)]
    return story


def _heatmap(context: SectionContext, picture: CapacityPicture) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    grid = picture.grid
    weeks = len(grid.starts)
    load, capacity = grid.load(), grid.capacity
    week_width = (context.width - LABEL_WIDTH) / weeks
    months = [""] * weeks
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 7, 8.5),
        ("FONT", (0, 0), (-1, 0), BOLD, 7.5, 9),
        ("TEXTCOLOR", (0, 0), (-1, 1), colors.HexColor(MUTED)),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (0, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor(SURFACE)),
        ("LINEBELOW", (0, 1), (-1, 1), 0.8, colors.HexColor(RULE)),
        ("GRID", (1, 2), (-1, -1), 0.4, colors.white),
        ("LINEBELOW", (0, 2), (0, -1), 0.3, colors.HexColor(GRID)),
    ]
    start = 0
    for index in range(1, weeks + 1):
        if index == weeks or grid.starts[index].month != grid.starts[start].month:
            months[start] = month(grid.starts[start]) if index - start > 1 else month(grid.starts[start])[0]
            commands.append(("SPAN", (start + 1, 0), (index, 0)))
            commands.append(("LINEBEFORE", (start + 1, 0), (start + 1, -1), 0.6, colors.HexColor(RULE)))
            start = index
    header = [tr("Role (people)"), *months]
    days = ["", *(str(week.day) for week in grid.starts)]
    rows: list[list[Any]] = [header, days]
    for index, row in enumerate(grid.rows):
        label = clip(row.label, 40) + (f" ({row.members})" if row.members else "")
        cells: list[Any] = [cell(label)]
        for week in range(weeks):
            hours, available = float(load[index, week]), float(capacity[index, week])
            tone = capacity_shades.shade(hours, available)
            place = (week + 1, index + 2)
            commands += [
                ("BACKGROUND", place, place, colors.HexColor(tone.fill)),
                ("TEXTCOLOR", place, place, colors.HexColor(tone.text)),
            ]
            cells.append(capacity_shades.cell_text(hours, available))
        rows.append(cells)
    if grid.current is not None:
        place = (grid.current + 1, 1)
        commands += [("TEXTCOLOR", place, place, colors.HexColor(TEXT)), ("FONTNAME", place, place, BOLD)]
    table = Table(rows, colWidths=[LABEL_WIDTH, *([week_width] * weeks)], repeatRows=2, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _key(context: SectionContext) -> Story:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    entries = capacity_shades.legend()
    cells: list[Any] = []
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 7, 8.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor(MUTED)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]
    for index, (label, fill) in enumerate(entries):
        commands.append(("BACKGROUND", (index * 2, 0), (index * 2, 0), colors.HexColor(fill)))
        cells += ["", label]
    widths = [10 if index % 2 == 0 else None for index in range(len(cells))]
    table = Table([cells], colWidths=widths, rowHeights=[11], hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    note = tr("Numbers are % of capacity; ∞ marks work planned where there is no capacity (leave, or not employed).")
    return [table, space(2), para(note, context.styles.note)]


def _over_allocations(context: SectionContext, picture: CapacityPicture) -> Story:
    found = picture.over_allocations
    if not found:
        return [no_data(tr("Nobody is over capacity in these weeks."))]
    header = header_cells(
        [tr("Person"), tr("Role"), tr("Weeks"), tr("Peak"), tr("Hours over"), tr("Projects loading them")],
        right=(3, 4),
    )
    rows = [_over_row(context, entry) for entry in found]
    shares = (0.17, 0.15, 0.17, 0.07, 0.08, 0.36)
    widths = [share * context.width for share in shares]
    return [build_table(TableSpec(header, rows, widths, right=(3, 4)))]


def _over_row(context: SectionContext, entry: OverAllocation) -> list[Any]:
    peak = "∞" if entry.peak == float("inf") else percent(100 * entry.peak)
    weeks = tr(
        "{first} – {last} ({count} wk)", first=short_day(entry.start), last=short_day(entry.finish), count=entry.length
    )
    projects = ", ".join(f"{share.project} ({100 * share.share:.0f} %)" for share in entry.projects[:_TOP_PROJECTS])
    return [cell(entry.person), cell(entry.role or "–"), weeks, peak, f"{entry.excess_hours:,.0f} h", cell(projects)]
