"""The utilisation colour scale, shared by the heatmap view and the board pack so both read alike.

Under 70 % two blues (split at `UNDER_STEP`), healthy green, full yellow, then seven reds graded by how far
over (`OVER_LIMITS` bound the first six), so that 110 % and 220 % never look alike; work planned where there
is no capacity at all is the darkest red. Colours are hex strings: the GUI turns them into QColors, the
board pack hands them to ReportLab.
"""

UNDER_STEP = 0.35
OVER_LIMITS = (1.10, 1.25, 1.50, 1.75, 2.00, 2.50)
"""Upper bounds of the over band's steps; above the last one, the last step."""

NO_CAPACITY = "#eceff3"
IDLE = "#f7f9fc"
UNDER_LOW, UNDER_HIGH = "#e3edf9", "#c7dcf3"
HEALTHY = "#b7e2c2"
FULL = "#ffe08a"
OVER = ("#ffcabf", "#ffa596", "#fb7c6c", "#ec5248", "#d23636", "#ad2430", "#861a29")
LOAD_WITHOUT_CAPACITY = "#5c1020"
UNFILLED = "#dfe3ea"

DARK_TEXT, LIGHT_TEXT = "#1f2933", "#ffffff"
_LIGHT_TEXT_BELOW = 0.55  # HSL lightness under which a number reads best in white


def over_step(ratio: float) -> int:
    """Which of the `OVER` shades a utilisation above 100 % takes."""
    return next((step for step, limit in enumerate(OVER_LIMITS) if ratio <= limit), len(OVER_LIMITS))


def text_on(fill: str) -> str:
    """The colour a number reads best in on `fill`: white on the dark reds, dark elsewhere."""
    channels = [int(fill[position : position + 2], 16) / 255 for position in (1, 3, 5)]
    lightness = (max(channels) + min(channels)) / 2
    return LIGHT_TEXT if lightness < _LIGHT_TEXT_BELOW else DARK_TEXT
