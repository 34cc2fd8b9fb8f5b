"""What a board pack is asked to hold: its sections, paper, classification and period, as plain values.

The CLI and the GUI's export dialog both build a `PackOptions`; `parse_sections` turns "summary,risks" into
sections with a one-line error for a name it does not know.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr


class Section(StrEnum):
    """The sections of a pack, in the order they are printed; each can be left out."""

    COVER = "cover"
    SUMMARY = "summary"
    DECISIONS = "decisions"
    STATUS = "status"
    MILESTONES = "milestones"
    ROADMAP = "roadmap"
    FINANCE = "finance"
    CAPACITY = "capacity"
    RISKS = "risks"
    APPENDIX = "appendix"

    @property
    def heading(self) -> str:
        """The heading, table of contents entry and bookmark of the section."""
        return tr(_TITLES[self])


_TITLES = {
    Section.COVER: "Cover",
    Section.SUMMARY: "Summary",
    Section.DECISIONS: "Decisions needed",
    Section.STATUS: "Portfolio status",
    Section.MILESTONES: "Milestone tracker",
    Section.ROADMAP: "Roadmap",
    Section.FINANCE: "Finance",
    Section.CAPACITY: "Capacity",
    Section.RISKS: "Risks",
    Section.APPENDIX: "Appendix: projects",
}

ALL_SECTIONS: tuple[Section, ...] = tuple(Section)


class Paper(StrEnum):
    """Landscape sheets: A4 (297 x 210 mm) or US Letter (11 x 8.5 in)."""

    A4 = "a4"
    LETTER = "letter"

    @property
    def size(self) -> tuple[float, float]:
        """Width and height in points, landscape."""
        return (841.8897637795277, 595.2755905511812) if self is Paper.A4 else (792.0, 612.0)


@dataclass(frozen=True)
class PackOptions:
    """A pack request. `period` is text such as "2026-Q4" (None: the quarter holding `today`); `classification`
    None takes the portfolio's own; `today` None is the real today (tests and reruns pin it)."""

    sections: tuple[Section, ...] = ALL_SECTIONS
    paper: Paper = Paper.A4
    period: str | None = None
    classification: str | None = None
    today: date | None = None

    def __post_init__(self) -> None:
        # Sections print in their own order, once each, whatever order they were asked for in.
        chosen = set(self.sections)
        object.__setattr__(self, "sections", tuple(section for section in Section if section in chosen))

    def wants(self, section: Section) -> bool:
        return section in self.sections


def parse_sections(text: str) -> tuple[Section, ...]:
    """ "summary, risks" -> those sections in printing order; "all" -> every section."""
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    if not names:
        raise ValidationError(tr("Name at least one section."))
    if names == ["all"]:
        return ALL_SECTIONS
    known = {section.value: section for section in Section}
    for name in names:
        if name not in known:
            shown = name if len(name) <= 30 else name[:29] + "…"
            raise ValidationError(
                tr(
                    "There is no section '{name}'; choose from {choices}.",
                    name=" ".join(shown.split()),
                    choices=", ".join(known),
                )
            )
    chosen = {known[name] for name in names}
    return tuple(section for section in Section if section in chosen)
