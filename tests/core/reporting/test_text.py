"""User text made safe for ReportLab markup, and the way the pack writes figures."""

from datetime import date

import pytest
from reportlab.platypus import Paragraph

from pmo_desktop.reporting.styles import FONT, pack_styles
from pmo_desktop.reporting.text import clip, esc, esc_lines, fit, money, money_short, percent, plain, ratio, slip


@pytest.mark.parametrize(
    "hostile",
    ["<b>Bold & <font size=40>", "<img src='http://127.0.0.1:9/x.png'/>", "<a href=\"x\">y</a>", "<para", "&amp;",
     "a < b > c", "</font></para>"],
)  # fmt: skip
def test_escaped_text_reads_back_as_it_was(hostile: str) -> None:
    paragraph = Paragraph(esc(hostile), pack_styles().body)
    assert "".join(fragment.text for fragment in paragraph.frags) == hostile


def test_control_characters_go_and_lines_stay_apart() -> None:
    assert plain("a\x00b\x1bc\td\ne") == "abc d e"
    assert esc_lines("one <\n\n two &\x07") == "one &lt;<br/>two &amp;"


def test_clipping_and_fitting_end_in_an_ellipsis() -> None:
    assert clip("abcdef", 10) == "abcdef"
    assert clip("abcdefghijkl", 6) == "abcde…"
    shortened = fit("Warehouse Management System Replacement", FONT, 7.5, 80)
    assert shortened.endswith("…") and len(shortened) < 30
    assert fit("Short", FONT, 7.5, 80) == "Short"


def test_money_and_figures() -> None:
    assert money(271_000_000, "GBP") == "£2,710,000"
    assert money(-1_234_50, "EUR") == "−€1,235"
    assert money(None, "GBP") == "–"
    assert money_short(271_000_000, "GBP") == "£2.71m"
    assert money_short(-9_200_000, "USD") == "−$92k"
    assert money_short(40_000, "CHF") == "CHF 400"
    assert (percent(76.9), ratio(1.0333), ratio(None)) == ("77 %", "1.03", "–")
    assert (slip(8), slip(-2), slip(0), slip(None)) == ("+8 d", "−2 d", "0 d", "–")


def test_dates() -> None:
    from pmo_desktop.reporting.text import day, short_day

    assert (day(date(2026, 11, 27)), short_day(date(2027, 2, 8)), day(None)) == ("27 Nov 2026", "8 Feb 27", "–")
