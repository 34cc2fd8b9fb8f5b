"""The charts: the series they draw from read models, and PNGs that are sharp, sized as printed and the same
bytes every time."""

from datetime import date, timedelta
from io import BytesIO

from PIL import Image

from pmo_desktop.reporting.charts import burndown_chart, capacity_shades, finance_chart, rag_chart
from pmo_desktop.reporting.charts.figures import DPI
from pmo_desktop.reporting.charts.rag_chart import RagRow
from pmo_desktop.risk import ExposurePoint, ScoreBasis
from pmo_desktop.services.raid_analysis import Burndown


def test_the_rag_chart_is_200_dpi_and_deterministic() -> None:
    rows = (RagRow("Customer & Digital", 2, 0, 2, 0), RagRow("$x^2$ <b>", 1, 1, 1, 1))
    first = rag_chart.render(rows, 290, 120)
    assert first == rag_chart.render(rows, 290, 120)
    image = Image.open(BytesIO(first))
    assert image.size == (int(290 / 72 * DPI), int(120 / 72 * DPI))
    assert DPI >= 200
    assert image.info.get("Software") is None


def test_programmes_past_the_room_share_one_bar() -> None:
    assert rag_chart.bars_that_fit(46 + 14 * 4) == 4
    assert rag_chart.chart_height(3, 1000) == 46 + 24 * 3
    assert rag_chart.chart_height(10, 100) == 46 + 14 * 10


def test_the_burndown_labels_months_itself() -> None:
    ticks = burndown_chart.month_ticks(date(2026, 8, 24), date(2027, 2, 22))
    assert ticks[0] == ((date(2026, 9, 1) - date(2026, 8, 24)).days, "Sep 2026")
    assert [label for _, label in ticks][-1] == "Feb 2027" and len(ticks) == 6
    weeks = [date(2026, 8, 24) + timedelta(weeks=week) for week in range(27)]
    points = tuple(ExposurePoint(week, 30 - index, 0, 3, week > date(2026, 11, 27)) for index, week in enumerate(weeks))
    burndown = Burndown(points, ScoreBasis.RESIDUAL, date(2026, 11, 27), weeks[0], weeks[-1])
    assert burndown_chart.has_exposure(burndown)
    assert burndown_chart.render(burndown, 700, 170) == burndown_chart.render(burndown, 700, 170)
    empty = Burndown(tuple(ExposurePoint(week, 0, 0, 0, False) for week in weeks), ScoreBasis.RESIDUAL,
                     date(2026, 11, 27), weeks[0], weeks[-1])  # fmt: skip
    assert not burndown_chart.has_exposure(empty)


def test_the_finance_chart_draws_three_bars_a_quarter() -> None:
    bars = finance_chart.QuarterBars(("Q1", "Q2"), (100_00, 200_00), (90_00, None), (95_00, 210_00), 0)
    image = Image.open(BytesIO(finance_chart.render(bars, "GBP", 400, 150)))
    assert image.size == (int(400 / 72 * DPI), int(150 / 72 * DPI))


def test_capacity_shades_follow_the_bands() -> None:
    assert capacity_shades.shade(30, 40).fill == capacity_shades.HEALTHY  # 75 %
    assert capacity_shades.shade(38, 40).fill == capacity_shades.FULL  # 95 %
    assert capacity_shades.shade(40, 40).fill == capacity_shades.FULL  # exactly 100 % is full, not over
    assert capacity_shades.shade(44, 40).fill == capacity_shades.OVER_SHADES[0]  # 110 %
    assert capacity_shades.shade(88, 40).fill == capacity_shades.OVER_SHADES[5]  # 220 %: 200 to 250
    assert capacity_shades.shade(10, 0).fill == capacity_shades.LOAD_WITHOUT_CAPACITY
    assert capacity_shades.shade(10, 0).text == "#ffffff"
    assert capacity_shades.shade(0, 0).fill == capacity_shades.NO_CAPACITY
    assert capacity_shades.shade(0, 40).fill == capacity_shades.IDLE
    assert (capacity_shades.cell_text(44, 40), capacity_shades.cell_text(3, 0), capacity_shades.cell_text(0, 0)) == (
        "110", "∞", ""
    )  # fmt: skip
