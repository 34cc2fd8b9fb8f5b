"""Decisions needed: the decision log's open decisions (what is asked, project, owner, needed-by date), the
soonest first, then the decisions taken in the period with their outcome.

A decision past its date reads "overdue" in red; one needed within 30 days (the KPI's window) in amber.
"""

from typing import Any

from pmo_desktop.i18n import tr
from pmo_desktop.reporting.flowables import keep_room, no_data, para, rich, space
from pmo_desktop.reporting.options import Section
from pmo_desktop.reporting.sections.base import SectionContext, Story
from pmo_desktop.reporting.styles import MUTED, RAG_COLOURS
from pmo_desktop.reporting.tables import TableSpec, build_table, cell, header_cells
from pmo_desktop.reporting.text import DASH, clip, day, esc, words
from pmo_desktop.services.board_pack_queries import DecisionEntry, DecisionLog
from pmo_desktop.services.kpi_queries import DECISION_WINDOW

DESCRIPTION_LIMIT = 300
_NEEDED_SHARES = (0.065, 0.43, 0.17, 0.12, 0.095, 0.12)
_DECIDED_SHARES = (0.065, 0.3, 0.3, 0.13, 0.1, 0.105)


def build(context: SectionContext) -> Story:
    log = context.data.decisions
    assert log is not None
    story = context.opening(
        Section.DECISIONS,
        tr("Open decisions of the decision log on {day}, the soonest needed first.", day=day(log.as_of)),
    )
    if not log.needed:
        story.append(no_data(tr("No decision is waiting to be made.")))
    else:
        story += [_needed(context, log), space(3), para(_needed_note(log), context.styles.note)]
    title = tr("Decided in {period} so far", period=log.period.label)
    story += [space(10), keep_room(80), context.subheading(title)]
    if not log.decided:
        return [*story, no_data(tr("No decision was taken in the period yet."))]
    return [*story, _decided(context, log)]


def days_left(entry: DecisionEntry, log: DecisionLog) -> int | None:
    return None if entry.needed_by is None else (entry.needed_by - log.as_of).days


def _needed_note(log: DecisionLog) -> str:
    overdue = sum(1 for entry in log.needed if (days_left(entry, log) or 0) < 0)
    return tr("{count} open decisions, {overdue} of them overdue.", count=len(log.needed), overdue=overdue)


def _needed(context: SectionContext, log: DecisionLog) -> Any:
    header = header_cells([tr("Ref"), tr("Decision"), tr("Project"), tr("Owner"), tr("Needed by"), tr("When")])
    rows = [_needed_row(context, entry, log) for entry in log.needed]
    widths = [share * context.width for share in _NEEDED_SHARES]
    return build_table(TableSpec(header, rows, widths))


def _what(context: SectionContext, entry: DecisionEntry) -> Any:
    markup = f"<b>{esc(entry.title)}</b>"
    details = [
        text for text in (entry.description, entry.category and tr("Category: {name}", name=entry.category)) if text
    ]
    if details:
        text = esc(clip(" · ".join(details), DESCRIPTION_LIMIT))
        markup += f'<br/><font color="{MUTED}">{text}</font>'
    return rich(markup, context.styles.cell)


def _project(entry: DecisionEntry) -> str:
    return f"{entry.project_code} {entry.project_name}" if entry.project_code else entry.project_name


def _needed_row(context: SectionContext, entry: DecisionEntry, log: DecisionLog) -> list[Any]:
    left = days_left(entry, log)
    if left is None:
        when, colour = tr("no date"), ""
    elif left < 0:
        when, colour = tr("overdue {days} d", days=-left), RAG_COLOURS["red"]
    else:
        when, colour = tr("in {days} d", days=left), RAG_COLOURS["amber"] if left <= DECISION_WINDOW.days else ""
    shown = f'<font color="{colour}"><b>{esc(when)}</b></font>' if colour else esc(when)
    return [
        entry.reference,
        _what(context, entry),
        cell(_project(entry)),
        cell(entry.owner_name or tr("No owner")),
        day(entry.needed_by),
        rich(f"{shown}<br/>{esc(words(entry.status.value))}", context.styles.cell),
    ]


def _decided(context: SectionContext, log: DecisionLog) -> Any:
    header = header_cells([tr("Ref"), tr("Decision"), tr("Outcome"), tr("Project"), tr("Decided"), tr("By")])
    rows = [
        [
            entry.reference,
            _what(context, entry),
            cell(clip(entry.outcome, DESCRIPTION_LIMIT) or DASH),
            cell(_project(entry)),
            day(entry.decided_on),
            cell(entry.decided_by_name or DASH),
        ]
        for entry in log.decided
    ]
    widths = [share * context.width for share in _DECIDED_SHARES]
    return build_table(TableSpec(header, rows, widths))
