"""The milestone tracker: milestones of the report period and of the next, baseline against forecast, slip in
working days and state (see `services.board_pack_queries` for the rules).

Cells are one line each, names shortened to fit (the status table and the appendix give projects in full):
a large portfolio has hundreds of milestones a quarter, and a table of plain strings lays out many times
faster than one of wrapping paragraphs.
"""

from collections import Counter
from typing import Any

from pmo_desktop.i18n import tr
from pmo_desktop.reporting.flowables import keep_room, no_data, para, space
from pmo_desktop.reporting.options import Section
from pmo_desktop.reporting.sections.base import SectionContext, Story
from pmo_desktop.reporting.styles import BOLD, FAINT, FONT, RAG_COLOURS
from pmo_desktop.reporting.tables import CELL_PADDING, CELL_SIZE, TableSpec, build_table
from pmo_desktop.reporting.text import fit, percent, short_day, slip
from pmo_desktop.services.board_pack_period import ReportPeriod
from pmo_desktop.services.board_pack_queries import MilestoneRow, MilestoneState

_SHARES = (0.06, 0.24, 0.3, 0.08, 0.08, 0.06, 0.115, 0.065)
_STATE = 6
STATE_COLOURS = {
    MilestoneState.ACHIEVED: RAG_COLOURS["green"],
    MilestoneState.ACHIEVED_LATE: RAG_COLOURS["amber"],
    MilestoneState.OVERDUE: RAG_COLOURS["red"],
    MilestoneState.FORECAST_LATE: RAG_COLOURS["amber"],
    MilestoneState.ON_TRACK: "#1f2933",
    MilestoneState.NO_BASELINE: FAINT,
}


def build(context: SectionContext) -> Story:
    tracker = context.data.tracker
    assert tracker is not None
    story = context.opening(
        Section.MILESTONES,
        tr(
            "Milestones due in {this} and {next}: baseline against forecast, slip in working days (+ late).",
            this=tracker.period.label,
            next=tracker.next_period.label,
        ),
    )
    for title, period, rows in (
        (tr("This period"), tracker.period, tracker.this_period),
        (tr("Next period"), tracker.next_period, tracker.coming),
    ):
        story += _part(context, title, period, rows)
    return story


def _part(context: SectionContext, title: str, period: ReportPeriod, rows: tuple[MilestoneRow, ...]) -> Story:
    heading = f"{title}: {period.label} ({period.span_text})"
    story: Story = [keep_room(90), context.subheading(heading)]
    if not rows:
        return [*story, no_data(tr("No milestone is due in {period}.", period=period.label)), space(6)]
    counts = Counter(row.state for row in rows)
    summary = ", ".join(f"{counts[state]} {state.label.lower()}" for state in MilestoneState if counts[state])
    story.append(para(tr("{count} milestones: {summary}.", count=len(rows), summary=summary), context.styles.note))
    story.append(space(3))
    from reportlab.lib import colors

    header: list[Any] = [
        tr("Code"),
        tr("Project"),
        tr("Milestone"),
        tr("Baseline"),
        tr("Forecast"),
        tr("Slip"),
        tr("Status"),
        tr("Done"),
    ]
    widths = [share * context.width for share in _SHARES]
    table_rows = [_row(row, widths) for row in rows]
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 1), (0, -1), BOLD),
        ("FONTNAME", (_STATE, 1), (_STATE, -1), BOLD),
        *(
            ("TEXTCOLOR", (_STATE, index), (_STATE, index), colors.HexColor(STATE_COLOURS[row.state]))
            for index, row in enumerate(rows, start=1)
        ),
    ]
    story += [build_table(TableSpec(header, table_rows, widths, right=(5, 7), commands=commands)), space(8)]
    return story


def _row(row: MilestoneRow, widths: list[float]) -> list[Any]:
    def fitted(text: str, column: int, font: str = FONT) -> str:
        return fit(text, font, CELL_SIZE, widths[column] - CELL_PADDING)

    return [
        fitted(row.project_code, 0, BOLD),
        fitted(row.project_name, 1),
        fitted(row.name, 2),
        short_day(row.baseline),
        short_day(row.forecast),
        slip(row.slip_days),
        row.state.label,
        percent(row.percent_complete),
    ]
