"""The chart's mapping between dates and pixels, and the zoom levels it moves through.

Pure Python (no Qt), so the scene builder and its tests use it as they are. x = 0 is the start of `origin`
at zero scroll; a day is `day_width` pixels wide, a fraction of a pixel when zoomed out to quarters. Which
units the time header shows (days, weeks, months, quarters) follows from the day width alone.
"""

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum


class Tier(Enum):
    """The unit of the header's lower row, which names the zoom level."""

    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    QUARTERS = "quarters"


PRESETS: dict[Tier, float] = {Tier.DAYS: 26.0, Tier.WEEKS: 8.0, Tier.MONTHS: 2.4, Tier.QUARTERS: 0.8}
"""The day width each zoom level opens at (a week is 56 px at weeks, a month 73 px at months)."""

MIN_DAY_WIDTH = 0.3
MAX_DAY_WIDTH = 64.0
WHEEL_FACTOR = 1.25
_THRESHOLDS = ((14.0, Tier.DAYS), (3.2, Tier.WEEKS), (0.95, Tier.MONTHS))


def tier_of(day_width: float) -> Tier:
    """The header units that stay readable at `day_width` pixels a day."""
    for threshold, tier in _THRESHOLDS:
        if day_width >= threshold:
            return tier
    return Tier.QUARTERS


def clamp_width(day_width: float) -> float:
    return max(MIN_DAY_WIDTH, min(MAX_DAY_WIDTH, day_width))


def next_preset(day_width: float, *, zoom_in: bool) -> float:
    """The next preset width in the zoom direction (Ctrl++ / Ctrl+-); the extreme once past the last."""
    widths = sorted(PRESETS.values())
    if zoom_in:
        return next((width for width in widths if width > day_width * 1.01), MAX_DAY_WIDTH)
    return next((width for width in reversed(widths) if width < day_width / 1.01), MIN_DAY_WIDTH)


@dataclass(frozen=True, slots=True)
class TimeScale:
    """Dates to viewport x and back. `offset` is the horizontal scroll in pixels."""

    origin: date
    day_width: float
    offset: float = 0.0

    @property
    def tier(self) -> Tier:
        return tier_of(self.day_width)

    def x_of(self, day: date) -> float:
        """The viewport x where `day` begins."""
        return (day.toordinal() - self.origin.toordinal()) * self.day_width - self.offset

    def end_of(self, day: date) -> float:
        """The viewport x where `day` ends (a task finishing that day ends here)."""
        return self.x_of(day) + self.day_width

    def day_at(self, x: float) -> date:
        """The day under viewport x."""
        return self.origin + timedelta(days=math.floor((x + self.offset) / self.day_width))

    def days_in(self, dx: float) -> int:
        """A horizontal distance in whole days, rounded to the nearest (drags snap to days)."""
        return round(dx / self.day_width)

    def scrolled(self, offset: float) -> "TimeScale":
        return replace(self, offset=offset)

    def zoomed(self, day_width: float, anchor_x: float) -> "TimeScale":
        """The scale at a new day width that keeps the moment under viewport `anchor_x` where it is."""
        width = clamp_width(day_width)
        days = (anchor_x + self.offset) / self.day_width
        return replace(self, day_width=width, offset=days * width - anchor_x)
