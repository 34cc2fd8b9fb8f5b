"""Finance: budget, actual to date and forecast by programme, CPI and SPI where earned value can be measured,
the portfolio's money quarter by quarter (chart), and every programme by quarter (table)."""

from typing import Any

from pmo_desktop.i18n import tr
from pmo_desktop.reporting.charts import finance_chart
from pmo_desktop.reporting.flowables import chart, keep_room, keep_together, no_data, para, space
from pmo_desktop.reporting.options import Section
from pmo_desktop.reporting.sections.base import SectionContext, Story
from pmo_desktop.reporting.styles import BOLD, RAG_COLOURS, RULE
from pmo_desktop.reporting.tables import TableSpec, build_table, cell, header_cells
from pmo_desktop.reporting.text import DASH, money_short, ratio
from pmo_desktop.services.board_pack_finance import Amounts, FinanceReading, Performance

CHART_HEIGHT = 210.0
_KINDS = (("planned_minor", "Planned"), ("actual_minor", "Actual"), ("forecast_minor", "Forecast"))


def build(context: SectionContext) -> Story:
    finance = context.data.finance
    assert finance is not None
    story = context.opening(
        Section.FINANCE,
        tr(
            "Budget lines of every project by programme and quarter ({basis}). Actual money counts periods begun "
            "by the as-of day; forecast is at completion.",
            basis=context.data.period.basis_text,
        ),
    )
    if not finance.lines:
        return [*story, no_data(tr("No project has budget lines yet."))]
    story += [context.subheading(tr("By programme")), _programmes(context, finance), space(4)]
    story.append(
        para(
            tr(
                "Variance = budget − forecast (− over budget). CPI = earned value ÷ actual cost, SPI = earned value ÷ "
                "planned value, over projects in delivery or closed with those figures (below 1: over cost, behind)."
            ),
            context.styles.note,
        )
    )
    bars = finance_chart.quarter_bars(finance, context.data.period)
    story += [
        keep_room(CHART_HEIGHT + 30),
        context.subheading(tr("Portfolio by quarter")),
        chart(finance_chart.render(bars, context.currency, context.width, CHART_HEIGHT), context.width, CHART_HEIGHT),
        keep_room(120),
        # Whole on the next page rather than split over two when it fits on one.
        keep_together([context.subheading(tr("Programmes by quarter")), _by_quarter(context, finance)]),
    ]
    return story


def _performance_of(performance: tuple[Performance, ...], programme_id: int | None) -> Performance | None:
    return next((entry for entry in performance[:-1] if entry.programme_id == programme_id), None)


def _programmes(context: SectionContext, finance: FinanceReading) -> Any:
    from reportlab.lib import colors

    currency, performance = context.currency, context.data.performance
    header = header_cells(
        [
            tr("Programme"),
            tr("Projects"),
            tr("Budget"),
            tr("Planned"),
            tr("Actual to date"),
            tr("Forecast"),
            tr("Variance"),
            tr("CPI"),
            tr("SPI"),
        ],
        right=range(1, 9),
    )
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = []
    lines = [*finance.programmes, finance.total]
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        measured = performance[-1] if last and performance else _performance_of(performance, line.key)
        total = line.total
        variance = line.budget_minor - total.forecast_minor
        rows.append(
            [
                cell(line.name, context.styles.cell_bold if last else None),
                str(line.projects),
                *(money_short(value, currency) for value in (line.budget_minor, *_values(total))),
                money_short(variance, currency),
                ratio(measured.cpi if measured else None),
                ratio(measured.spi if measured else None),
            ]
        )
        if variance < 0:
            commands.append(("TEXTCOLOR", (6, index + 1), (6, index + 1), colors.HexColor(RAG_COLOURS["red"])))
    commands += [
        ("FONTNAME", (0, len(rows)), (-1, len(rows)), BOLD),
        ("LINEABOVE", (0, len(rows)), (-1, len(rows)), 0.8, colors.HexColor(RULE)),
    ]
    shares = (0.28, 0.07, 0.1, 0.1, 0.1, 0.1, 0.1, 0.075, 0.075)
    widths = [share * context.width for share in shares]
    return build_table(TableSpec(header, rows, widths, right=range(1, 9), commands=commands))


def _values(amounts: Amounts) -> tuple[int, int, int]:
    return (amounts.planned_minor, amounts.actual_minor, amounts.forecast_minor)


def _by_quarter(context: SectionContext, finance: FinanceReading) -> Any:
    from reportlab.lib import colors

    total = finance.total
    earlier, later = not total.earlier.empty, not total.later.empty
    titles = [tr("Programme"), ""]
    titles += [tr("Earlier")] if earlier else []
    titles += [quarter.label for quarter in finance.quarters]
    titles += [tr("Later")] if later else []
    titles.append(tr("Total"))
    money_columns = len(titles) - 2
    as_of = context.data.as_of
    # Actual money only exists for quarters that have begun; "later" and the total always show it.
    started = [True] * earlier + [quarter.first <= as_of for quarter in finance.quarters] + [False] * later + [True]
    header = header_cells(titles, right=range(2, len(titles)))
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = []
    for line in [*finance.programmes, total]:
        first = len(rows) + 1
        for field, label in _KINDS:
            columns = ([line.earlier] if earlier else []) + list(line.quarters) + ([line.later] if later else [])
            values = [money_short(getattr(amounts, field), context.currency) for amounts in (*columns, line.total)]
            if field == "actual_minor":
                values = [DASH if not begun else value for value, begun in zip(values, started, strict=True)]
            name = cell(line.name, context.styles.cell_bold) if field == "planned_minor" else ""
            rows.append([name, tr(label), *values])
        commands += [
            ("SPAN", (0, first), (0, first + 2)),
            ("VALIGN", (0, first), (0, first + 2), "TOP"),
            ("LINEABOVE", (0, first), (-1, first), 0.6, colors.HexColor(RULE)),
        ]
    commands.append(("FONTNAME", (len(titles) - 1, 1), (len(titles) - 1, -1), BOLD))
    label_width = 0.2 * context.width
    kind_width = 0.08 * context.width
    money_width = (context.width - label_width - kind_width) / money_columns
    widths = [label_width, kind_width, *([money_width] * money_columns)]
    spec = TableSpec(header, rows, widths, right=range(2, len(titles)), commands=commands, zebra=False)
    return build_table(spec)
