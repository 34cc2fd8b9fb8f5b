"""Risks: the 5x5 matrix of open threats before and after their responses (cells in the risk engine's band
colours), the exposure burndown, and the top ten risks by the engine's ranking with owner and response."""

from typing import Any

from pmo_desktop.i18n import tr
from pmo_desktop.reporting.charts import burndown_chart
from pmo_desktop.reporting.flowables import chart, keep_room, no_data, para, rich, space
from pmo_desktop.reporting.options import Section
from pmo_desktop.reporting.pack_data import RiskPicture
from pmo_desktop.reporting.sections.base import SectionContext, Story
from pmo_desktop.reporting.styles import BOLD, FONT, MUTED, RULE, pack_styles
from pmo_desktop.reporting.tables import TableSpec, build_table, cell, header_cells
from pmo_desktop.reporting.text import DASH, esc, words
from pmo_desktop.risk import SCALE, RiskBand, RiskMatrix, RiskScore, ScoreBasis
from pmo_desktop.services.raid_queries import RegisterRow

CELL = 26.0
BURNDOWN_HEIGHT = 175.0
_TREND_ARROWS = {"up": "↑ rising", "down": "↓ falling", "flat": "→ steady"}


def build(context: SectionContext) -> Story:
    picture = context.data.risks
    assert picture is not None
    story = context.opening(
        Section.RISKS,
        tr("Open threats of the RAID log on the as-of day; score = probability × impact (1–25)."),
    )
    if picture.inherent.total == 0:
        story.append(no_data(tr("No open risk is scored.")))
    else:
        story += [_matrices(context, picture), space(10)]
    story += [keep_room(BURNDOWN_HEIGHT + 30), context.subheading(tr("Exposure burndown"))]
    if burndown_chart.has_exposure(picture.burndown):
        png = burndown_chart.render(picture.burndown, context.width, BURNDOWN_HEIGHT)
        story.append(chart(png, context.width, BURNDOWN_HEIGHT))
    else:
        story.append(no_data(tr("No open risk carried any exposure in these weeks.")))
    story += [keep_room(120), context.subheading(tr("Top ten risks")), *_top(context, picture)]
    return story


def _matrices(context: SectionContext, picture: RiskPicture) -> Any:
    from reportlab.platypus import Table, TableStyle

    inherent = [para(tr("Inherent: before the response"), context.styles.subheading), *_matrix(picture.inherent)]
    residual = [para(tr("Residual: after the response"), context.styles.subheading), *_matrix(picture.residual)]
    width = CELL * 6 + 30
    layout = Table([[inherent, residual, _band_key(context)]], colWidths=[width, width, None], hAlign="LEFT")
    layout.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return layout


def _matrix(matrix: RiskMatrix) -> Story:
    """Probability 5 (top) to 1 down the side, impact 1 to 5 along the bottom, counts in band colours."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), BOLD, 9, 11),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONT", (0, 0), (0, -1), FONT, 7.5, 9),
        ("FONT", (0, -1), (-1, -1), FONT, 7.5, 9),
        ("TEXTCOLOR", (0, 0), (0, -1), colors.HexColor(MUTED)),
        ("TEXTCOLOR", (0, -1), (-1, -1), colors.HexColor(MUTED)),
    ]
    for row, probability in enumerate(reversed(SCALE)):
        line: list[Any] = [str(probability)]
        for column, impact in enumerate(SCALE, start=1):
            found = matrix.cell(probability, impact)
            band = RiskScore(probability, impact).band
            line.append(str(found.count) if found.count else "")
            commands += [
                ("BACKGROUND", (column, row), (column, row), colors.HexColor(band.colour)),
                ("TEXTCOLOR", (column, row), (column, row), colors.HexColor(band.text_colour)),
                ("BOX", (column, row), (column, row), 0.8, colors.white),
            ]
        rows.append(line)
    rows.append(["", *(str(impact) for impact in SCALE)])
    table = Table(rows, colWidths=[CELL] * 6, rowHeights=[CELL * 0.85] * 6, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    caption = tr("{count} open risks · probability ↑ · impact →", count=matrix.total)
    return [table, para(caption, pack_styles().note)]


def _band_key(context: SectionContext) -> Story:
    lines: Story = [para(tr("Bands"), context.styles.subheading)]
    for band in RiskBand:
        low, high = band.score_range
        swatch = f'<font color="{band.colour}">■</font>'
        lines.append(rich(f"{swatch} {esc(band.label)} {low}–{high}", context.styles.cell))
    note = tr("Residual falls back to inherent where no response has been assessed.")
    return [*lines, space(4), para(note, context.styles.note)]


def _score_cell(score: RiskScore | None) -> str:
    return DASH if score is None else str(score.score)


def _top(context: SectionContext, picture: RiskPicture) -> Story:
    from reportlab.lib import colors

    if not picture.top:
        return [no_data(tr("No open risk to rank."))]
    header = header_cells(
        [
            tr("Ref"),
            tr("Risk"),
            tr("Project"),
            tr("Owner"),
            tr("Response"),
            tr("Inherent"),
            tr("Residual"),
            tr("Trend"),
        ],
        right=(5, 6),
    )
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [("ALIGN", (5, 0), (6, -1), "CENTER")]
    for index, row in enumerate(picture.top, start=1):
        inherent, residual = row.score, row.score_on(ScoreBasis.RESIDUAL)
        for column, score in ((5, inherent), (6, residual)):
            if score is not None:
                commands += [
                    ("BACKGROUND", (column, index), (column, index), colors.HexColor(score.band.colour)),
                    ("TEXTCOLOR", (column, index), (column, index), colors.HexColor(score.band.text_colour)),
                    ("FONTNAME", (column, index), (column, index), BOLD),
                ]
        rows.append(_top_row(row, _score_cell(inherent), _score_cell(residual)))
    commands.append(("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.HexColor(RULE)))
    shares = (0.06, 0.33, 0.15, 0.13, 0.09, 0.075, 0.075, 0.09)
    widths = [share * context.width for share in shares]
    note = tr(
        "Ranked by residual score, then inherent score, then proximity. Trend: the residual score since the start "
        "of {period}.",
        period=context.data.period.label,
    )
    return [build_table(TableSpec(header, rows, widths, commands=commands)), space(3), para(note, context.styles.note)]


def _top_row(row: RegisterRow, inherent: str, residual: str) -> list[Any]:
    project = f"{row.project_code} {row.project_name}" if row.project_code else row.project_name
    response = words(row.response.value) if row.response is not None else tr("None yet")
    return [
        row.human_id,
        cell(row.title),
        cell(project),
        cell(row.owner_name or tr("No owner")),
        cell(response),
        inherent,
        residual,
        tr(_TREND_ARROWS[row.trend.value]),
    ]
