"""The roadmap: projects by programme on a timeline with their milestones, the report period and the as-of
day, tiled across as many pages as the portfolio needs (`charts.roadmap_layout`), each page with its own
axis, row labels and key."""

from pmo_desktop.i18n import tr
from pmo_desktop.reporting.charts import roadmap_drawing as painter
from pmo_desktop.reporting.charts.roadmap_layout import Tile, months_per_tile, roadmap_rows, roadmap_window, tiles
from pmo_desktop.reporting.flowables import no_data, page_break, para, space
from pmo_desktop.reporting.options import Section
from pmo_desktop.reporting.sections.base import SectionContext, Story, story_height
from pmo_desktop.reporting.text import day

KEY_ROOM = painter.LEGEND_HEIGHT + 8
"""Points below a tile for its key."""


def build(context: SectionContext) -> Story:
    data = context.data
    assert data.overview is not None and data.tracker is not None
    story = context.opening(
        Section.ROADMAP,
        tr(
            "Projects by programme: bars from start to forecast finish in the colour of their overall RAG, "
            "with the share done filled in; the report period is shaded and the dashed line is {day}.",
            day=day(data.as_of),
        ),
    )
    window = roadmap_window(data.period, ())
    rows = roadmap_rows(data.overview, data.tracker, window.first)
    if not rows:
        return [*story, no_data(tr("No project is planned in the roadmap's window."))]
    window = roadmap_window(data.period, rows)
    # The first tile shares its page with the section's title; the others with a line saying which tile.
    first_page = [*story, para(_tile_line(_FIRST, 2), context.styles.note)]
    later_page = [para(_tile_line(_FIRST, 2), context.styles.subtitle)]
    above = max(story_height(first_page, context.width), story_height(later_page, context.width))
    room = context.height - above - KEY_ROOM - painter.AXIS_HEIGHT - 4
    per_page = int(room // painter.ROW_HEIGHT)
    # A portfolio that fits one page gets taller rows, up to a limit, rather than white space below.
    row_height = min(painter.MAX_ROW_HEIGHT, room / len(rows)) if len(rows) <= per_page else painter.ROW_HEIGHT
    frame = painter.RoadmapFrame(window, data.period, data.as_of, context.width, row_height)
    wide = months_per_tile(context.width - painter.LABEL_WIDTH, painter.MIN_MONTH_WIDTH)
    pages = tiles(rows, window, per_page, wide)
    for index, tile in enumerate(pages):
        if index:
            story += [page_break(), para(_tile_line(tile, len(pages)), context.styles.subtitle)]
        elif len(pages) > 1:
            story.append(para(_tile_line(tile, len(pages)), context.styles.note))
        story += [painter.draw_tile(tile, frame), space(4), painter.legend(context.width)]
    return story


def _tile_line(tile: Tile, count: int) -> str:
    parts = [tr("Roadmap, page {page} of {count}", page=_page_of(tile) + 1, count=count)]
    if tile.row_blocks > 1:
        parts.append(tr("rows {block} of {blocks}", block=tile.row_block + 1, blocks=tile.row_blocks))
    if tile.columns > 1:
        parts.append(tr("time {column} of {columns}", column=tile.column + 1, columns=tile.columns))
    return " · ".join(parts)


_FIRST = Tile((), 0, 1, 0, 9, 0, 9)
"""A stand-in tile for measuring the page line, with two-digit counts."""


def _page_of(tile: Tile) -> int:
    return tile.row_block * tile.columns + tile.column
