"""The cover: the portfolio's name, the period (and which kind of quarters), the as-of day, the owner and the
classification. The cover page's own frame and colour band come from the renderer's cover template."""

from pmo_desktop.i18n import tr
from pmo_desktop.reporting.flowables import OutlineMark, heading, para, rich, space
from pmo_desktop.reporting.options import Section
from pmo_desktop.reporting.sections.base import SectionContext, Story
from pmo_desktop.reporting.text import day, esc


def build(context: SectionContext) -> Story:
    data, styles = context.data, context.styles
    period = data.period
    mark = OutlineMark(Section.COVER.value, Section.COVER.heading, 0, listed=False)
    story: Story = [
        heading(tr("Portfolio board pack"), styles.cover_kicker, mark),
        space(6),
        para(data.settings.name, styles.cover_title),
        space(10),
        rich(f"<b>{esc(period.label)}</b>  ·  {esc(period.span_text)}", styles.cover_line),
        para(tr("Quarters are {basis}.", basis=period.basis_text), styles.cover_line),
        para(tr("Figures as of {day}.", day=day(data.as_of)), styles.cover_line),
    ]
    if data.settings.owner.strip():
        story.append(para(tr("Owner: {owner}", owner=data.settings.owner), styles.cover_line))
    story += [
        space(18),
        rich(f"{esc(tr('Classification'))}: <b>{esc(data.classification)}</b>", styles.cover_line),
    ]
    return story
