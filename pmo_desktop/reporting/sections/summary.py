"""The one-page summary: the six KPI tiles, projects by overall RAG, and what changed in the period.

The tiles are the overview's own (`kpi_tiles`: same value, tone and explanation). Lists of changes are cut
to a few lines each, ending "and N more", so the page stays one page for any portfolio; the later sections
name everything.
"""

from collections.abc import Sequence
from typing import Any

from pmo_desktop.i18n import tr
from pmo_desktop.reporting.charts import rag_chart
from pmo_desktop.reporting.flowables import chart, no_data, para, rich, space
from pmo_desktop.reporting.options import Section
from pmo_desktop.reporting.sections.base import SectionContext, Story, story_height
from pmo_desktop.reporting.styles import FAINT, RAG_COLOURS, RULE, TONE_COLOURS
from pmo_desktop.reporting.text import clip, day, esc, short_day, slip
from pmo_desktop.services.board_pack_changes import PeriodChanges, ProjectChange, RagFlip, RiskMove
from pmo_desktop.services.board_pack_queries import MilestoneRow
from pmo_desktop.services.kpi_tiles import KpiTile

TILE_COLUMNS = 3
EXPLANATION_LIMIT = 230
LIST_LIMIT = 7
SUBHEADING_ROOM = 24.0
_ARROW = "→"


def build(context: SectionContext) -> Story:
    data = context.data
    assert data.kpis is not None and data.overview is not None and data.changes is not None
    story = context.opening(Section.SUMMARY, context.period_line)
    story += [_tiles(context, data.kpis.tiles), space(10)]
    # Whatever the portfolio, the summary is one page: the chart and the lists get the room that is left.
    room = context.height - story_height(story, context.width) - SUBHEADING_ROOM - 4
    left = context.width * 0.38
    right = context.width - left - 14
    rows = rag_chart.rag_rows(data.overview, min(rag_chart.MAX_BARS, rag_chart.bars_that_fit(room)))
    rag_part: Story = [context.subheading(tr("Projects in delivery by overall RAG"))]
    if rows:
        height = rag_chart.chart_height(len(rows), room)
        rag_part.append(chart(rag_chart.render(rows, left, height), left, height))
    else:
        rag_part.append(no_data(tr("No project is in delivery.")))
    changes_part = [context.subheading(tr("What changed since {day}", day=day(data.changes.since)))]
    changes_part += _fitting_changes(context, data.changes, right, room)
    return [*story, _side_by_side([rag_part, changes_part], [left, right], gap=14)]


def _fitting_changes(context: SectionContext, changes: PeriodChanges, width: float, room: float) -> Story:
    """The lists of changes, each cut short enough for all of them to fit `room` points."""
    for limit in range(LIST_LIMIT, 0, -1):
        story = _changes(context, changes, width, limit)
        if story_height(story, width) <= room:
            return story
    return _changes(context, changes, width, 0)


def _side_by_side(columns: Sequence[Story], widths: Sequence[float], gap: float) -> Any:
    from reportlab.platypus import Table, TableStyle

    cells = [list(columns[0])]
    col_widths = [widths[0]]
    for column, width in zip(columns[1:], widths[1:], strict=True):
        cells += [[], list(column)]
        col_widths += [gap, width]
    table = Table([cells], colWidths=col_widths, hAlign="LEFT")
    no_padding = [
        (side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
    ]
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *no_padding]))
    return table


def _tiles(context: SectionContext, tiles: Sequence[KpiTile]) -> Any:
    """The tiles in rows of three, each boxed with a stripe in its tone's colour."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    gap = 8.0
    columns = TILE_COLUMNS * 2 - 1
    width = (context.width - gap * (TILE_COLUMNS - 1)) / TILE_COLUMNS
    grid: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    for start in range(0, len(tiles), TILE_COLUMNS):
        if grid:
            grid.append([""] * columns)
        row: list[Any] = []
        for column, tile in enumerate(tiles[start : start + TILE_COLUMNS]):
            row += [""] if column else []
            row.append(_tile(context, tile))
            place = (column * 2, len(grid))
            tone = colors.HexColor(TONE_COLOURS[tile.tone.value])
            commands += [("BOX", place, place, 0.6, colors.HexColor(RULE)), ("LINEBEFORE", place, place, 3, tone)]
        grid.append(row + [""] * (columns - len(row)))
    widths = [gap if position % 2 else width for position in range(columns)]
    heights = [gap if position % 2 else None for position in range(len(grid))]
    table = Table(grid, colWidths=widths, rowHeights=heights, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _tile(context: SectionContext, tile: KpiTile) -> Story:
    styles = context.styles
    colour = TONE_COLOURS[tile.tone.value]
    return [
        para(tile.title, styles.tile_title),
        rich(f'<font color="{colour}">{esc(tile.value)}</font>', styles.tile_value),
        para(clip(tile.explanation, EXPLANATION_LIMIT), styles.tile_text),
    ]


def _bullets(lines: Sequence[str], total: int, style: Any) -> Story:
    story = [rich(line, style) for line in lines]
    if total > len(lines):
        story.append(rich(esc(tr("… and {count} more", count=total - len(lines))), style))
    return story


def _dot(colour: str) -> str:
    return f'<font color="{colour}">●</font>'


def _changes(context: SectionContext, changes: PeriodChanges, width: float, limit: int) -> Story:
    if changes.empty:
        return [no_data(tr("Nothing changed: no RAG flips, new or closed projects, slipped milestones or risk moves."))]
    style = context.styles.tile_text
    left = _group(tr("RAG flips"), [_flip(flip) for flip in changes.rag_flips], style, limit)
    left += _group(tr("New projects"), [_project(change) for change in changes.new_projects], style, limit)
    left += _group(tr("Closed projects"), [_project(change) for change in changes.closed_projects], style, limit)
    right = _group(tr("Slipped milestones"), [_milestone(row) for row in changes.slipped], style, limit)
    right += _group(tr("Risk moves"), [_risk(move) for move in changes.risk_moves], style, limit)
    half = (width - 10) / 2
    return [_side_by_side([left, right], [half, half], gap=10)]


def _group(title: str, lines: list[str], style: Any, limit: int) -> Story:
    story: Story = [rich(f"<b>{esc(title)}</b>", style)]
    if not lines:
        story.append(rich(f'<font color="{FAINT}">{esc(tr("None"))}</font>', style))
    else:
        story += _bullets(lines[:limit], len(lines), style)
    story.append(space(5))
    return story


def _flip(flip: RagFlip) -> str:
    before, after = flip.before.value, flip.after.value
    return (
        f"{_dot(RAG_COLOURS[before])}{_ARROW}{_dot(RAG_COLOURS[after])} <b>{esc(flip.code)}</b> "
        f"{esc(clip(flip.name, 60))}: {esc(tr(before.capitalize()))} {_ARROW} {esc(tr(after.capitalize()))}"
    )


def _project(change: ProjectChange) -> str:
    stage = change.stage.value.replace("_", " ")
    return f"<b>{esc(change.code)}</b> {esc(clip(change.name, 60))} ({esc(tr(stage))}, {esc(short_day(change.on))})"


def _milestone(row: MilestoneRow) -> str:
    return (
        f"<b>{esc(row.project_code)}</b> {esc(clip(row.name, 55))}: {esc(slip(row.slip_days))} "
        f"({esc(tr('forecast'))} {esc(short_day(row.forecast))})"
    )


def _risk(move: RiskMove) -> str:
    scores = ""
    if move.before is not None and move.after is not None:
        scores = f" {move.before} {_ARROW} {move.after}"
    elif move.after is not None:
        scores = f" ({move.after})"
    project = f" [{esc(move.project_code)}]" if move.project_code else ""
    return f"<b>{esc(move.reference)}</b> {esc(move.kind.label)}{scores}: {esc(clip(move.title, 90))}{project}"
