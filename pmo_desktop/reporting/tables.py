"""Tables in the pack's style: a bold header repeated on every page the table runs onto, thin rules, zebra
rows, optional full-width group rows (a programme above its projects).

Cells are either flowables (user text always goes in a `Paragraph` through `text.esc`, so it wraps and
prints literally) or short strings we wrote ourselves (numbers, dates), which ReportLab draws as they are.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pmo_desktop.reporting.styles import BOLD, FONT, GRID, INK, RULE, SURFACE, TEXT, ZEBRA, pack_styles
from pmo_desktop.reporting.text import esc

Cell = Any
"""A flowable, or a short string of our own."""
CELL_SIZE = 7.5
CELL_PADDING = 7.0
"""Points of a cell's width taken by its left and right padding."""


def cell(text: str, style: Any = None) -> Any:
    """User text as a wrapping, escaped cell."""
    from reportlab.platypus import Paragraph

    return Paragraph(esc(text), style or pack_styles().cell)


def header_cells(titles: Sequence[str], right: Sequence[int] = ()) -> list[Any]:
    """Header cells (our own titles) that wrap; columns in `right` align right."""
    from reportlab.platypus import Paragraph

    styles = pack_styles()
    return [
        Paragraph(esc(title), styles.header_right if index in right else styles.header)
        for index, title in enumerate(titles)
    ]


@dataclass
class TableSpec:
    """What a table is made of; `groups` are indexes of body rows drawn as full-width group rows."""

    header: list[Cell]
    rows: list[list[Cell]]
    widths: Sequence[float]
    right: Sequence[int] = ()
    centre: Sequence[int] = ()
    groups: Sequence[int] = ()
    commands: list[tuple[Any, ...]] = field(default_factory=list)
    """Extra TableStyle commands, with row numbers counted from the header (row 0)."""
    zebra: bool = True


def build_table(spec: TableSpec) -> Any:
    """A ReportLab `Table` that splits across pages with its header repeated."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    data = [spec.header, *spec.rows]
    table = Table(data, colWidths=list(spec.widths), repeatRows=1, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, CELL_SIZE, 9.2),
        ("FONT", (0, 0), (-1, 0), BOLD, CELL_SIZE, 9.2),
        ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor(INK)),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.HexColor(TEXT)),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(SURFACE)),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(RULE)),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor(GRID)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING / 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING / 2),
    ]
    for column in spec.right:
        commands.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
    for column in spec.centre:
        commands.append(("ALIGN", (column, 0), (column, -1), "CENTER"))
    if spec.zebra and spec.rows:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(ZEBRA)]))
    for index in spec.groups:
        row = index + 1
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), colors.HexColor(SURFACE)),
            ("LINEABOVE", (0, row), (-1, row), 0.6, colors.HexColor(RULE)),
            ("TOPPADDING", (0, row), (-1, row), 4),
        ]
    table.setStyle(TableStyle(commands + spec.commands))
    return table
