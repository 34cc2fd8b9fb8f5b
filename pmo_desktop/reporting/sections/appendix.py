"""The appendix: one page per project (programme by programme, as in the status table) with its facts, the
five RAGs, the latest status report's text, its milestones, its money and its top risks.

Long texts are cut (the full text is in the app) so a project fits one page: status fields to a few hundred
characters, milestones to those nearest the report period, risks to the top five. Should a project still
not fit, its page flows on rather than fail.
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pmo_desktop.domain.enums import RaidKind
from pmo_desktop.i18n import tr
from pmo_desktop.reporting.flowables import OutlineMark, heading, no_data, page_break, para, rich, space
from pmo_desktop.reporting.options import Section
from pmo_desktop.reporting.sections.base import SectionContext, Story, story_height
from pmo_desktop.reporting.sections.milestones import STATE_COLOURS
from pmo_desktop.reporting.sections.status_table import rag_cell_colours, rag_cell_text
from pmo_desktop.reporting.styles import BOLD, FONT, RULE
from pmo_desktop.reporting.tables import CELL_PADDING, CELL_SIZE, TableSpec, build_table, cell
from pmo_desktop.reporting.text import (
    DASH,
    clip,
    day,
    esc,
    esc_lines,
    fit,
    money,
    percent,
    ratio,
    short_day,
    slip,
    words,
)
from pmo_desktop.risk import ScoreBasis
from pmo_desktop.services.board_pack_queries import MilestoneRow
from pmo_desktop.services.portfolio_queries import OverviewRow
from pmo_desktop.services.raid_analysis import register_top_risks
from pmo_desktop.services.raid_queries import RegisterRow
from pmo_desktop.services.status_queries import DIMENSIONS

TEXT_LIMIT = 420
TOP_ROOM = 150.0
"""Points above the columns at most: a two-line title, the facts, the RAGs (and the section's opening)."""
ROUGH_CHAR_WIDTH = 0.62
"""A DejaVu Sans character's width in ems, rounded up: estimates err towards measuring."""
MILESTONES = 8
RISKS = 5
_DIMENSION_NAMES = ("Overall", "Schedule", "Cost", "Scope", "Resource")


def build(context: SectionContext) -> Story:
    data = context.data
    assert data.overview is not None and data.tracker is not None and data.register is not None
    story = context.opening(
        Section.APPENDIX, tr("One page per project, programme by programme, as of {day}.", day=day(data.as_of))
    )
    projects = [(group.name, row) for group in data.overview.groups for row in group.rows]
    if not projects:
        return [*story, no_data(tr("The portfolio has no projects yet."))]
    milestones: dict[int, list[MilestoneRow]] = defaultdict(list)
    for row in data.tracker.rows:
        milestones[row.project_id].append(row)
    risks: dict[int, list[RegisterRow]] = defaultdict(list)
    for item in data.register.rows:
        if item.kind is RaidKind.RISK and item.project_id is not None:
            risks[item.project_id].append(item)
    for index, (programme, project) in enumerate(projects):
        if index:
            story.append(page_break())
        page = _Page(programme, project, milestones[project.project_id], risks[project.project_id])
        story += _project_page(context, page)
    return story


@dataclass(frozen=True)
class _Page:
    programme: str
    project: OverviewRow
    milestones: list[MilestoneRow]
    risks: list[RegisterRow]


def _project_page(context: SectionContext, page: _Page) -> Story:
    styles, project = context.styles, page.project
    title = f"{project.code} — {project.name}"
    mark = OutlineMark(f"project-{project.project_id}", title, 1)
    left_width = context.width * 0.56
    right_width = context.width - left_width - 16
    left = [*_status(context, project), space(6), *_milestones(context, page.milestones, left_width)]
    right = [*_money(context, project, right_width), space(6), *_risks(context, page.risks, right_width)]
    top = [heading(title, styles.title, mark), _facts(context, page.programme, project), space(6)]
    top += [_rags(context, project), space(8)]
    body = _columns(left, right, left_width, right_width)
    # Two columns cannot run onto a second page, so a page that might not fit is measured (most obviously
    # fit: measuring every page would cost a large pack seconds), and one that does not fit is stacked.
    room = context.height - TOP_ROOM
    if _rough_height(page, left_width) > room and story_height([*top, body], context.width) > context.height - 50:
        return [*top, *left, space(8), *right]
    return [*top, body]


def _rough_height(page: _Page, width: float) -> float:
    """A generous estimate of the left column's height (the longer one), from character counts."""
    per_line = max(1, int(width / (ROUGH_CHAR_WIDTH * 8.5)))
    lines = 0
    status = page.project.status
    if status is not None:
        report = status.latest
        for text in (report.summary, report.comment, report.achievements, report.next_steps):
            if text.strip():
                lines += 1 + sum(-(-max(len(line), 1) // per_line) for line in clip(text, TEXT_LIMIT).splitlines())
    rows = min(len(page.milestones), MILESTONES) + 2
    return 60 + 12 * lines + 14 * rows


def _columns(left: Story, right: Story, left_width: float, right_width: float) -> Any:
    from reportlab.platypus import Table, TableStyle

    table = Table([[left, "", right]], colWidths=[left_width, 16, right_width], hAlign="LEFT")
    padding = [(side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *padding]))
    return table


def _facts(context: SectionContext, programme: str, project: OverviewRow) -> Any:
    parts = [
        (tr("Programme"), programme),
        (tr("Stage"), words(project.stage.value) + (" " + tr("(tentative)") if project.tentative else "")),
        (tr("Manager"), project.manager_name or DASH),
        (tr("Sponsor"), project.sponsor_name or DASH),
        (tr("Start"), day(project.start)),
        (tr("Forecast finish"), day(project.forecast_finish)),
        (tr("Baseline finish"), day(project.baseline_finish)),
        (tr("Slip"), slip(project.slip_days)),
        (tr("Done"), percent(project.percent_complete)),
    ]
    markup = "  ·  ".join(f"<font color='#52606d'>{esc(label)}</font> {esc(value)}" for label, value in parts)
    return rich(markup, context.styles.body)


def _rags(context: SectionContext, project: OverviewRow) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), BOLD, 8, 10),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BOX", (0, 0), (-1, -1), 0.6, colors.white),
        ("INNERGRID", (0, 0), (-1, -1), 1.5, colors.white),
    ]
    cells = []
    for column, dimension in enumerate(DIMENSIONS):
        reading = project.reading(dimension)
        fill, text = rag_cell_colours(reading)
        label = tr(_DIMENSION_NAMES[column])
        state = tr(reading.rag.value.capitalize()) if reading is not None else tr("no report")
        arrow = rag_cell_text(reading) if reading is not None else ""
        cells.append(f"{label}: {state} {arrow}".strip())
        commands += [
            ("BACKGROUND", (column, 0), (column, 0), colors.HexColor(fill)),
            ("TEXTCOLOR", (column, 0), (column, 0), colors.HexColor(text)),
        ]
    table = Table([cells], colWidths=[context.width / 5] * 5, rowHeights=[18], hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _status(context: SectionContext, project: OverviewRow) -> Story:
    styles = context.styles
    status = project.status
    if status is None:
        return [context.subheading(tr("Status")), no_data(tr("No status report yet."))]
    report = status.latest
    label = report.period_label or day(report.period_end)
    story: Story = [context.subheading(tr("Status report {label}", label=label))]
    fields = (
        (tr("Summary"), report.summary),
        (tr("Comment"), report.comment),
        (tr("Achievements"), report.achievements),
        (tr("Next steps"), report.next_steps),
    )
    written = [(name, text) for name, text in fields if text.strip()]
    if not written:
        story.append(no_data(tr("The report has no text.")))
    for name, text in written:
        story.append(rich(f"<b>{esc(name)}</b><br/>{esc_lines(clip(text, TEXT_LIMIT))}", styles.body))
        story.append(space(3))
    return story


def _nearest(context: SectionContext, milestones: list[MilestoneRow]) -> list[MilestoneRow]:
    """The milestones closest to the report period, in date order."""
    middle = context.data.period.first.toordinal() + 45
    closest = sorted(milestones, key=lambda row: (abs(row.forecast.toordinal() - middle), row.task_id))[:MILESTONES]
    return sorted(closest, key=lambda row: (row.forecast, row.task_id))


def _milestones(context: SectionContext, milestones: list[MilestoneRow], width: float) -> Story:
    story: Story = [context.subheading(tr("Milestones"))]
    if not milestones:
        return [*story, no_data(tr("No milestones in the plan."))]
    from reportlab.lib import colors

    shown = _nearest(context, milestones)
    widths = [width * share for share in (0.41, 0.15, 0.15, 0.1, 0.19)]
    # Names wrap (this is the one place a project's every milestone is named); the rest are plain strings, as
    # wrapping paragraphs are the main cost of a pack with hundreds of project pages.
    header: list[Any] = [tr("Milestone"), tr("Baseline"), tr("Forecast"), tr("Slip"), tr("Status")]
    rows = [
        [
            cell(row.name),
            short_day(row.baseline),
            short_day(row.forecast),
            slip(row.slip_days),
            row.state.label,
        ]
        for row in shown
    ]
    commands: list[tuple[Any, ...]] = [("FONTNAME", (4, 1), (4, -1), BOLD)]
    for index, row in enumerate(shown, start=1):
        commands.append(("TEXTCOLOR", (4, index), (4, index), colors.HexColor(STATE_COLOURS[row.state])))
    story.append(build_table(TableSpec(header, rows, widths, right=(3,), commands=commands)))
    if len(milestones) > len(shown):
        note = tr("{shown} of {count} milestones: those nearest the period.", shown=len(shown), count=len(milestones))
        story.append(para(note, context.styles.note))
    return story


def _money(context: SectionContext, project: OverviewRow, width: float) -> Story:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    currency, value = context.currency, project.earned_value
    figures = [
        (tr("Budget"), money(project.budget_minor, currency)),
        (tr("Planned (budget lines)"), money(project.planned_minor, currency)),
        (tr("Actual to date"), money(project.actual_minor, currency)),
        (tr("Forecast at completion"), money(project.forecast_minor, currency)),
        (tr("Variance (budget − forecast)"), money(project.budget_variance_minor, currency)),
        (tr("Earned value"), money(value.earned_value_minor, currency)),
        (tr("CPI · SPI"), f"{ratio(value.cpi)} · {ratio(value.spi)}"),
    ]
    table = Table([list(pair) for pair in figures], colWidths=[width * 0.6, width * 0.4], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 7.5, 9.2),
                ("FONT", (1, 0), (1, -1), BOLD, 7.5, 9.2),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor(RULE)),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return [context.subheading(tr("Budget")), table]


def _risks(context: SectionContext, risks: list[RegisterRow], width: float) -> Story:
    story: Story = [context.subheading(tr("Top risks"))]
    top = register_top_risks(risks, RISKS)
    if not top:
        return [*story, no_data(tr("No open risk on this project."))]
    widths = [width * share for share in (0.14, 0.54, 0.1, 0.22)]
    header: list[Any] = [tr("Ref"), tr("Risk"), tr("Score"), tr("Owner")]
    rows = [
        [
            row.human_id,
            cell(row.title),
            _score(row),
            fit(row.owner_name or DASH, FONT, CELL_SIZE, widths[3] - CELL_PADDING),
        ]
        for row in top
    ]
    story.append(build_table(TableSpec(header, rows, widths, right=(2,))))
    return story


def _score(row: RegisterRow) -> str:
    score = row.score_on(ScoreBasis.RESIDUAL)
    return DASH if score is None else str(score.score)
