"""Date ranges of the engine: a checked period, and the weeks (by their Monday) that cover it."""

from datetime import date, timedelta

from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr

_WEEK = timedelta(weeks=1)


def check_period(start: date, end: date) -> None:
    """Refuse a period whose end comes before its start."""
    if end < start:
        raise ValidationError(tr("The end of the period ({end}) is before its start ({start}).", end=end, start=start))


def week_starts(start: date, end: date) -> tuple[date, ...]:
    """The Mondays from the one on or before `start` to the last one on or before `end`."""
    check_period(start, end)
    monday = start - timedelta(days=start.weekday())
    weeks = []
    while monday <= end:
        weeks.append(monday)
        monday += _WEEK
    return tuple(weeks)
