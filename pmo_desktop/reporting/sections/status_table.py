"""Portfolio status: every project by programme with stage, manager, the five RAGs and their trends,
% complete, forecast finish against the baseline, budget and variance (the overview query's figures).

The five RAGs are coloured cells (dark text on amber, white on green and red) with an arrow when the RAG
moved since the report before: ▲ better, ▼ worse. The table runs onto as many pages as it needs, its
header repeated.
"""

from typing import Any

from pmo_desktop.domain.enums import Rag
from pmo_desktop.i18n import tr
from pmo_desktop.reporting.flowables import no_data, para
from pmo_desktop.reporting.options import Section
from pmo_desktop.reporting.sections.base import SectionContext, Story
from pmo_desktop.reporting.styles import BOLD, FONT, INK, NO_REPORT, RAG_COLOURS
from pmo_desktop.reporting.tables import CELL_PADDING, CELL_SIZE, TableSpec, build_table, cell, header_cells
from pmo_desktop.reporting.text import DASH, fit, money_short, percent, short_day, slip, words
from pmo_desktop.services.portfolio_queries import OverviewRow, ProgrammeGroup
from pmo_desktop.services.status_queries import DIMENSIONS, RagReading, RagTrend

_SHARES = (0.055, 0.245, 0.07, 0.12, *(0.031,) * 5, 0.055, 0.075, 0.06, 0.08, 0.085)
_RAG_FIRST = 4
_SLIP = 11
_VARIANCE = 13
_ARROWS = {RagTrend.BETTER: "▲", RagTrend.WORSE: "▼"}
_DARK_ON = {Rag.AMBER}


def rag_cell_colours(reading: RagReading | None) -> tuple[str, str]:
    """(fill, text) colours of a RAG cell; grey for no report."""
    if reading is None:
        return NO_REPORT, "#ffffff"
    return RAG_COLOURS[reading.rag.value], INK if reading.rag in _DARK_ON else "#ffffff"


def rag_cell_text(reading: RagReading | None) -> str:
    return DASH if reading is None else _ARROWS.get(reading.trend, "")


def build(context: SectionContext) -> Story:
    from reportlab.lib import colors

    overview = context.data.overview
    assert overview is not None
    story = context.opening(
        Section.STATUS,
        tr(
            "Every project by programme, from its latest status report and plan on {day}.",
            day=short_day(overview.as_of),
        ),
    )
    groups = [group for group in overview.groups if group.rows]
    if not groups:
        return [*story, no_data(tr("The portfolio has no projects yet."))]
    header = header_cells(
        [
            tr("Code"),
            tr("Project"),
            tr("Stage"),
            tr("Manager"),
            *(tr(letter) for letter in ("O", "S", "C", "Sc", "R")),
            tr("Done"),
            tr("Finish"),
            tr("vs base"),
            tr("Budget"),
            tr("Variance"),
        ],
        right=(9, 11, 12, 13),
    )
    rows: list[list[Any]] = []
    groups_at: list[int] = []
    commands: list[tuple[Any, ...]] = []
    for group in groups:
        groups_at.append(len(rows))
        rows.append([_group_line(context, group)] + [""] * (len(_SHARES) - 1))
        for row in group.rows:
            commands += _row_commands(row, len(rows) + 1)
            rows.append(_row(context, row))
    widths = [share * context.width for share in _SHARES]
    commands += [
        ("ALIGN", (_RAG_FIRST, 0), (_RAG_FIRST + 4, -1), "CENTER"),
        ("INNERGRID", (_RAG_FIRST, 1), (_RAG_FIRST + 4, -1), 1.2, colors.white),
        ("FONTNAME", (0, 1), (0, -1), BOLD),
        ("FONTSIZE", (_RAG_FIRST, 1), (_RAG_FIRST + 4, -1), 7.5),
    ]
    table = build_table(TableSpec(header, rows, widths, right=(9, 10, 11, 12, 13), groups=groups_at, commands=commands))
    legend = tr(
        "O overall, S schedule, C cost, Sc scope, R resource: the latest status report (grey: none yet); ▲ better "
        "and ▼ worse than the report before. Done: duration-weighted % complete. vs base: forecast finish "
        "against the latest baseline in working days (+ late). Variance: budget − forecast (− over budget)."
    )
    return [*story, table, para(legend, context.styles.note)]


def _group_line(context: SectionContext, group: ProgrammeGroup) -> Any:
    from reportlab.platypus import Paragraph

    from pmo_desktop.reporting.text import esc

    parts = [tr("{count} projects", count=len(group.rows)) if len(group.rows) != 1 else tr("1 project")]
    if group.sponsor_name:
        parts.append(tr("sponsor {name}", name=group.sponsor_name))
    parts.append(tr("budget {money}", money=money_short(group.budget_minor, context.currency)))
    parts.append(tr("forecast {money}", money=money_short(group.forecast_minor, context.currency)))
    details = esc(" · ".join(parts))
    return Paragraph(f"<b>{esc(group.name)}</b>  <font color='#52606d'>{details}</font>", context.styles.cell)


def _row_commands(row: OverviewRow, table_row: int) -> list[tuple[Any, ...]]:
    """RAG cell colours, and red for a late finish or an overspend."""
    from reportlab.lib import colors

    red = colors.HexColor(RAG_COLOURS["red"])
    commands: list[tuple[Any, ...]] = []
    if (row.slip_days or 0) > 0:
        commands.append(("TEXTCOLOR", (_SLIP, table_row), (_SLIP, table_row), red))
    if (row.budget_variance_minor or 0) < 0:
        commands.append(("TEXTCOLOR", (_VARIANCE, table_row), (_VARIANCE, table_row), red))
    for offset, dimension in enumerate(DIMENSIONS):
        fill, text = rag_cell_colours(row.reading(dimension))
        place = (_RAG_FIRST + offset, table_row)
        commands += [
            ("BACKGROUND", place, place, colors.HexColor(fill)),
            ("TEXTCOLOR", place, place, colors.HexColor(text)),
        ]
    return commands


def _row(context: SectionContext, row: OverviewRow) -> list[Any]:
    currency = context.currency
    name = row.name + (" " + tr("(tentative)") if row.tentative else "")
    variance = row.budget_variance_minor
    widths = [share * context.width - CELL_PADDING for share in _SHARES]
    # Only the name wraps (this table is where every project is named in full); the rest are one line.
    return [
        fit(row.code, BOLD, CELL_SIZE, widths[0]),
        cell(name),
        fit(words(row.stage.value), FONT, CELL_SIZE, widths[2]),
        fit(row.manager_name or DASH, FONT, CELL_SIZE, widths[3]),
        *(rag_cell_text(row.reading(dimension)) for dimension in DIMENSIONS),
        percent(row.percent_complete),
        short_day(row.forecast_finish),
        slip(row.slip_days),
        money_short(row.budget_minor, currency),
        money_short(variance, currency),
    ]
