"""The one place user-visible strings pass through, so they can be translated later.

Core code calls `tr("...")` with a plain English message (with `str.format` fields); the GUI installs a
translator with `set_translator` once it has one. Until then `tr` returns the text unchanged.
"""

from collections.abc import Callable

_translate: Callable[[str], str] = lambda text: text  # noqa: E731 - identity until a translator is set


def set_translator(translate: Callable[[str], str]) -> None:
    """Route every later `tr` call through `translate`."""
    global _translate
    _translate = translate


def tr(text: str, **fields: object) -> str:
    """Translate `text`, then fill its `{fields}`."""
    translated = _translate(text)
    return translated.format(**fields) if fields else translated
