"""The one place user-visible strings pass through, so they can be translated later.

Core code calls `tr("...")` with a plain English message (with `str.format` fields); the GUI installs a
translator with `set_translator` once it has one. Until then `tr` returns the text unchanged.
"""

from collections.abc import Callable


def _identity(text: str) -> str:
    return text


_translator: list[Callable[[str], str]] = [_identity]


def set_translator(translate: Callable[[str], str]) -> None:
    """Route every later `tr` call through `translate`."""
    _translator[0] = translate


def tr(text: str, /, **fields: object) -> str:
    """Translate `text`, then fill its `{fields}`."""
    translated = _translator[0](text)
    return translated.format(**fields) if fields else translated


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_name(month: int) -> str:
    """The name of `month` (1-12), translated: every view and report names months through here."""
    return tr(_MONTH_NAMES[month - 1])


def month_abbreviation(month: int) -> str:
    """The short name of `month` (1-12), translated ("Feb")."""
    return tr(_MONTH_ABBREVIATIONS[month - 1])
