"""The chart's time scale and header: dates to pixels, zoom around a point, header units per zoom level."""

from datetime import date

import pytest

from pmo_desktop.gui.views.gantt.time_header import Unit, header_rows, next_start, unit_start
from pmo_desktop.gui.views.gantt.time_scale import (
    MAX_DAY_WIDTH,
    MIN_DAY_WIDTH,
    PRESETS,
    Tier,
    TimeScale,
    next_preset,
    tier_of,
)

ORIGIN = date(2026, 1, 5)  # a Monday


def test_days_map_to_pixels_and_back() -> None:
    scale = TimeScale(ORIGIN, 10.0, offset=25.0)
    assert scale.x_of(ORIGIN) == -25.0
    assert scale.x_of(date(2026, 1, 12)) == 45.0
    assert scale.end_of(date(2026, 1, 12)) == 55.0
    assert scale.day_at(45.0) == date(2026, 1, 12)
    assert scale.day_at(44.9) == date(2026, 1, 11)
    assert scale.days_in(14.0) == 1 and scale.days_in(-16.0) == -2


def test_zoom_keeps_the_moment_under_the_anchor() -> None:
    scale = TimeScale(ORIGIN, 8.0, offset=400.0)
    anchor_day = scale.day_at(300.0)
    zoomed = scale.zoomed(24.0, 300.0)
    assert zoomed.day_width == 24.0
    assert zoomed.day_at(300.0) == anchor_day
    assert scale.zoomed(1000.0, 0).day_width == MAX_DAY_WIDTH
    assert scale.zoomed(0.0001, 0).day_width == MIN_DAY_WIDTH


@pytest.mark.parametrize(
    ("width", "tier"), [(26, Tier.DAYS), (14, Tier.DAYS), (8, Tier.WEEKS), (2.4, Tier.MONTHS), (0.8, Tier.QUARTERS)]
)
def test_the_tier_follows_the_day_width(width: float, tier: Tier) -> None:
    assert tier_of(width) is tier


def test_presets_step_through_the_tiers() -> None:
    assert [tier_of(width) for width in PRESETS.values()] == list(Tier)
    assert next_preset(PRESETS[Tier.WEEKS], zoom_in=True) == PRESETS[Tier.DAYS]
    assert next_preset(PRESETS[Tier.WEEKS], zoom_in=False) == PRESETS[Tier.MONTHS]
    assert next_preset(5.0, zoom_in=True) == PRESETS[Tier.WEEKS]
    assert next_preset(PRESETS[Tier.QUARTERS], zoom_in=False) == MIN_DAY_WIDTH


def test_units_start_and_follow_each_other() -> None:
    day = date(2026, 5, 14)  # a Thursday in Q2
    assert unit_start(day, Unit.WEEK) == date(2026, 5, 11)
    assert unit_start(day, Unit.MONTH) == date(2026, 5, 1)
    assert unit_start(day, Unit.QUARTER) == date(2026, 4, 1)
    assert unit_start(day, Unit.YEAR) == date(2026, 1, 1)
    assert next_start(date(2026, 11, 1), Unit.QUARTER) == date(2027, 2, 1)
    assert next_start(date(2026, 12, 1), Unit.MONTH) == date(2027, 1, 1)


def test_days_zoom_shows_weeks_over_days() -> None:
    rows = header_rows(TimeScale(ORIGIN, 26.0), 26 * 14 - 1)
    assert [cell.label for cell in rows.upper] == ["Week 2 · 5 Jan 2026", "Week 3 · 12 Jan 2026"]
    assert [cell.label for cell in rows.lower][:3] == ["5", "6", "7"]
    assert rows.lower[1].x0 == 26.0 and rows.lower[1].x1 == 52.0
    assert len(rows.lower) == 14
    wide = header_rows(TimeScale(ORIGIN, 40.0), 100)
    assert [cell.label for cell in wide.lower] == ["M 5", "T 6", "W 7"]


def test_weeks_zoom_shows_months_over_weeks() -> None:
    rows = header_rows(TimeScale(ORIGIN, 8.0), 8 * 60)
    assert [cell.label for cell in rows.upper] == ["January 2026", "February 2026", "March 2026"]
    assert [cell.label for cell in rows.lower][:2] == ["5 Jan", "12 Jan"]


def test_months_and_quarters_zooms() -> None:
    months = header_rows(TimeScale(date(2026, 1, 1), 2.4), 2.4 * 200)
    assert [cell.label for cell in months.upper] == ["Q1 2026", "Q2 2026", "Q3 2026"]
    assert [cell.label for cell in months.lower][:3] == ["January", "February", "March"]
    narrow = header_rows(TimeScale(date(2026, 1, 1), 1.5), 100)
    assert [cell.label for cell in narrow.lower] == ["Jan", "Feb", "Mar"]
    quarters = header_rows(TimeScale(date(2026, 1, 1), 0.8), 0.8 * 500)
    assert [cell.label for cell in quarters.upper] == ["2026", "2027"]
    assert [cell.label for cell in quarters.lower][:5] == ["Q1", "Q2", "Q3", "Q4", "Q1"]


def test_the_header_covers_only_the_view() -> None:
    scale = TimeScale(ORIGIN, 26.0, offset=26.0 * 1000)
    rows = header_rows(scale, 260)
    assert rows.lower[0].first == date.fromordinal(ORIGIN.toordinal() + 1000)
    assert len(rows.lower) == 11
