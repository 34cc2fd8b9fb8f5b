"""The pack's one typographic system: DejaVu Sans (bundled), a few sizes (none below 7 pt), the app's colours.

ReportLab gets the four faces registered as one family, so `<b>` and `<i>` in our own markup pick the right
file; matplotlib gets the same files through `FontProperties(fname=...)` (see `charts.figures`).
"""

from dataclasses import dataclass
from functools import cache
from typing import Any

from pmo_desktop.resources import resource_path

FONT = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FACES = {
    FONT: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

MIN_SIZE = 7.0
"""Nothing in the pack is printed smaller."""

# The app's palette (gui/theme.py, resources/styles/app.qss, the overview delegate).
INK = "#1f2933"
TEXT = "#3e4c59"
MUTED = "#52606d"
FAINT = "#7b8794"
RULE = "#d9dde3"
GRID = "#e6e9ed"
SURFACE = "#f1f3f6"
ZEBRA = "#f7f9fb"
ACCENT = "#1f4fd1"
BAR = "#4c6ef5"
TODAY = "#c62828"
RAG_COLOURS = {"green": "#2f9e44", "amber": "#f08c00", "red": "#e03131"}
NO_REPORT = "#adb5bd"
TONE_COLOURS = {"good": "#2f9e44", "warning": "#f08c00", "bad": "#e03131", "neutral": "#52606d"}


def font_path(face: str = FONT) -> str:
    """The TrueType file of `face`, as a string path for ReportLab and matplotlib."""
    return str(resource_path(f"fonts/{FACES[face]}"))


@cache
def register_fonts() -> None:
    """Register DejaVu Sans with ReportLab once per process, as a family for `<b>` and `<i>`."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face in FACES:
        pdfmetrics.registerFont(TTFont(face, font_path(face)))
    for bold, italic, face in ((0, 0, FONT), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FONT, bold, italic, face)


@dataclass(frozen=True)
class PackStyles:
    """Paragraph styles by role (ReportLab `ParagraphStyle` objects)."""

    title: Any
    subtitle: Any
    heading: Any
    subheading: Any
    body: Any
    note: Any
    cell: Any
    cell_bold: Any
    cell_right: Any
    cell_centre: Any
    header: Any
    header_right: Any
    tile_title: Any
    tile_value: Any
    tile_text: Any
    cover_kicker: Any
    cover_title: Any
    cover_line: Any
    toc_levels: tuple[Any, ...]


@cache
def pack_styles() -> PackStyles:
    """The styles, built once per process (they are never changed after)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=8.5, leading=11.5, textColor=colors.HexColor(INK))

    def style(name: str, parent: Any = base, **values: Any) -> Any:
        for key in ("textColor", "backColor"):
            if isinstance(values.get(key), str):
                values[key] = colors.HexColor(values[key])
        return ParagraphStyle(name, parent=parent, **values)

    cell = style("cell", fontSize=7.5, leading=9.2)
    header = style("header", cell, fontName=BOLD, textColor=TEXT)
    return PackStyles(
        title=style("title", fontName=BOLD, fontSize=17, leading=21, spaceAfter=2),
        subtitle=style("subtitle", fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=10),
        heading=style("heading", fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4),
        subheading=style("subheading", fontName=BOLD, fontSize=9, leading=12, spaceBefore=4, spaceAfter=3),
        body=base,
        note=style("note", fontSize=7.5, leading=9.5, textColor=MUTED),
        cell=cell,
        cell_bold=style("cell_bold", cell, fontName=BOLD),
        cell_right=style("cell_right", cell, alignment=TA_RIGHT),
        cell_centre=style("cell_centre", cell, alignment=TA_CENTER),
        header=header,
        header_right=style("header_right", header, alignment=TA_RIGHT),
        tile_title=style("tile_title", fontSize=7.5, leading=9.5, textColor=MUTED),
        tile_value=style("tile_value", fontName=BOLD, fontSize=15, leading=19),
        tile_text=style("tile_text", fontSize=7, leading=8.6, textColor=TEXT),
        cover_kicker=style("cover_kicker", fontName=BOLD, fontSize=10, leading=14, textColor=ACCENT),
        cover_title=style("cover_title", fontName=BOLD, fontSize=28, leading=34, spaceAfter=6),
        cover_line=style("cover_line", fontSize=11, leading=16, textColor=TEXT),
        toc_levels=(
            style("toc0", fontName=BOLD, fontSize=10, leading=15, leftIndent=0, firstLineIndent=0),
            style("toc1", fontSize=8, leading=10.5, leftIndent=16, firstLineIndent=0, textColor=TEXT),
        ),
    )
