"""User text made safe for ReportLab markup, and figures written the way a board reads them.

Every name, title and comment from the file reaches a `Paragraph` through `esc` (or `esc_lines`): `<`, `>`
and `&` become entities, so `<font size=40>`, `<img src=...>` or `<a href=...>` print as the characters they
are and nothing is fetched or styled. Control characters other than line breaks are dropped (ReportLab's
parser refuses some of them). Text drawn straight onto a canvas (`drawString`) is never parsed, so it is
passed as it is, through `plain`.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape

from pmo_desktop.i18n import month_abbreviation, tr

_CONTROL = dict.fromkeys((*range(0, 9), 11, 12, *range(14, 32), 127))
_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "JPY": "¥"}
_MILLION = 1_000_000
_THOUSAND = 1_000
ELLIPSIS = "…"
DASH = "–"


def plain(text: str) -> str:
    """`text` without control characters, line breaks and tabs made spaces (for one-line canvas text)."""
    return " ".join(text.translate(_CONTROL).split())


def esc(text: str) -> str:
    """`text` as literal Paragraph markup, on one line."""
    return escape(plain(text))


def esc_lines(text: str) -> str:
    """`text` as literal Paragraph markup keeping its line breaks (blank lines collapsed)."""
    lines = [escape(" ".join(line.translate(_CONTROL).split())) for line in text.splitlines()]
    return "<br/>".join(line for line in lines if line)


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at a word break when there is one near the end, ending in an
    ellipsis when it was cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 3 // 4:
        cut = cut[:space]
    return cut.rstrip(" ,;:·-") + ELLIPSIS


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text` (one line) shortened with an ellipsis until it fits `width` points in `font` at `size`."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from pmo_desktop.reporting.styles import register_fonts

    register_fonts()
    line = plain(text)
    if stringWidth(line, font, size) <= width:
        return line
    low, high = 0, len(line)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(line[:middle].rstrip() + ELLIPSIS, font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return line[:low].rstrip() + ELLIPSIS if low else ""


def day(value: date | None) -> str:
    """ "27 Nov 2026"; a dash for no date."""
    if value is None:
        return DASH
    return f"{value.day} {month_abbreviation(value.month)} {value.year}"


def short_day(value: date | None) -> str:
    """ "27 Nov 26"; a dash for no date."""
    if value is None:
        return DASH
    return f"{value.day} {month_abbreviation(value.month)} {value.year % 100:02d}"


def month(value: date) -> str:
    return month_abbreviation(value.month)


def symbol(currency: str) -> str:
    return _SYMBOLS.get(currency, currency + " ")


def money(minor: int | None, currency: str) -> str:
    """Whole major units with separators: "£2,710,000"; negative as "−£12,000"; a dash for none."""
    if minor is None:
        return DASH
    major = (Decimal(abs(minor)) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    sign = "−" if minor < 0 and major else ""
    return f"{sign}{symbol(currency)}{major:,}"


def money_short(minor: int | None, currency: str) -> str:
    """Compact money for tight columns: "£2.71m", "£950k", "£800"; a dash for none."""
    if minor is None:
        return DASH
    major = Decimal(abs(minor)) / 100
    sign = "−" if minor < 0 and major >= Decimal("0.5") else ""
    if major >= _MILLION:
        figure = f"{(major / _MILLION).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}m"
    elif major >= _THOUSAND:
        figure = f"{(major / _THOUSAND).quantize(Decimal(1), rounding=ROUND_HALF_UP)}k"
    else:
        figure = f"{major.quantize(Decimal(1), rounding=ROUND_HALF_UP)}"
    return f"{sign}{symbol(currency)}{figure}"


def percent(value: float | None, digits: int = 0) -> str:
    """ "77 %"; a dash for none."""
    return DASH if value is None else f"{value:.{digits}f} %"


def ratio(value: float | None) -> str:
    """An index such as CPI to two decimals; a dash for none."""
    return DASH if value is None else f"{value:.2f}"


def slip(days: int | None) -> str:
    """Working days late (+) or early (−) against the baseline: "+8 d", "−2 d", "0 d"; a dash for none."""
    if days is None:
        return DASH
    if days > 0:
        return f"+{days} d"
    return f"−{-days} d" if days < 0 else "0 d"


def words(value: str) -> str:
    """A stored enum value as words: "on_hold" -> "On hold"."""
    return tr(value.replace("_", " ").capitalize())


def count(number: int, one: str, many: str) -> str:
    """ "1 project", "12 projects" (`one` and `many` untranslated)."""
    return f"{number:,} {tr(one) if number == 1 else tr(many)}"
