"""The realistic demo portfolio: Kestrel Freight Group's change portfolio, built around one day.

Everything is dated relative to `as_of`, the day the demo treats as today: plans run from about nine months
before it to a year after, reports cover the quarters before it and RAID reviews fall due around it. Each
concern draws from its own random stream (`rows.stream`), so the same seed and day give the same data.
"""

from datetime import date, timedelta

from pmo_desktop.demo.absence import write_time_off
from pmo_desktop.demo.baselines import write_baselines
from pmo_desktop.demo.budget import write_budget_lines
from pmo_desktop.demo.catalogue import PROJECTS
from pmo_desktop.demo.organisation import (
    write_holidays,
    write_people,
    write_portfolio,
    write_projects,
    write_roles,
    write_strategy,
    write_teams,
)
from pmo_desktop.demo.plan import PlanBuilder
from pmo_desktop.demo.plan_rows import write_tasks
from pmo_desktop.demo.raid import RaidWriter
from pmo_desktop.demo.reports import write_status_reports
from pmo_desktop.demo.rows import DemoData, RowWriter, stream
from pmo_desktop.demo.staffing import Staffer

_PORTFOLIO_AGE = 300


def build_demo(seed: int = 1, *, as_of: date) -> DemoData:
    """The realistic demo portfolio as rows per table, ready to insert in `INSERT_ORDER`."""
    writer = RowWriter(seed, as_of - timedelta(days=_PORTFOLIO_AGE))
    write_portfolio(writer)
    write_holidays(writer, as_of)
    roles = write_roles(writer)
    teams = write_teams(writer)
    people = write_people(writer, stream(seed, "people"), as_of, roles, teams)
    objectives, programmes = write_strategy(writer, people)
    projects = write_projects(writer, people, programmes, objectives)
    builder = PlanBuilder(stream(seed, "plan"), as_of)
    plans = [builder.add_project(spec, projects[spec.code]) for spec in PROJECTS]
    write_tasks(writer, plans, builder.tasks, as_of)
    write_baselines(writer, plans, as_of)
    write_time_off(writer, stream(seed, "time off"), as_of, people)
    Staffer(writer, stream(seed, "allocations"), as_of, people, roles).staff(plans)
    RaidWriter(writer, stream(seed, "raid"), as_of, people, plans).write()
    write_status_reports(writer, stream(seed, "reports"), plans, as_of)
    write_budget_lines(writer, stream(seed, "budget"), plans, as_of)
    return writer.data
