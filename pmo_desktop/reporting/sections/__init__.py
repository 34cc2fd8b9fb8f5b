"""One module per section of the pack; `builder_of` says which function builds which section."""

from collections.abc import Callable

from pmo_desktop.reporting.options import Section
from pmo_desktop.reporting.sections.base import SectionContext, Story

Builder = Callable[[SectionContext], Story]


def builder_of(section: Section) -> Builder:
    """The function that builds `section` (imported on first use: each pulls in its charts)."""
    from pmo_desktop.reporting.sections import (
        appendix,
        capacity,
        cover,
        decisions,
        finance,
        milestones,
        risks,
        roadmap,
        status_table,
        summary,
    )

    builders: dict[Section, Builder] = {
        Section.COVER: cover.build,
        Section.SUMMARY: summary.build,
        Section.DECISIONS: decisions.build,
        Section.STATUS: status_table.build,
        Section.MILESTONES: milestones.build,
        Section.ROADMAP: roadmap.build,
        Section.FINANCE: finance.build,
        Section.CAPACITY: capacity.build,
        Section.RISKS: risks.build,
        Section.APPENDIX: appendix.build,
    }
    return builders[section]
