"""Rows for the realistic demo's organisation: portfolio settings, holidays, roles, teams, people,
objectives, programmes and projects."""

import random
from datetime import date, timedelta

from pmo_desktop.demo.catalogue import APP, COMPANY, DOMAIN, OBJECTIVES, PROGRAMMES, PROJECTS
from pmo_desktop.demo.names import PEOPLE, ROLES, TEAMS, PersonSpec, email
from pmo_desktop.demo.rows import RowWriter
from pmo_desktop.demo.workdays import next_workday
from pmo_desktop.domain.enums import EntityKind

MONDAY_TO_FRIDAY = 0b0011111


def write_portfolio(writer: RowWriter) -> None:
    writer.add(
        EntityKind.PORTFOLIO,
        {
            "name": f"{COMPANY} change portfolio",
            "owner": "Sarah Whitfield, Head of PMO",
            "currency": "GBP",
            "fiscal_year_start_month": 4,
            "working_days": MONDAY_TO_FRIDAY,
            "hours_per_day": 7.5,
            "holiday_country": "GB",
            "holiday_subdivision": "ENG",
            "classification": "Internal",
            "created_by_app": APP,
            "saved_by_app": APP,
        },
    )


def write_holidays(writer: RowWriter, as_of: date) -> None:
    """Company days off on top of the English bank holidays, in the year around today."""
    year = as_of.year if as_of.month >= 7 else as_of.year - 1
    days = (
        (next_workday(date(year, 12, 29)), "Company shutdown between Christmas and New Year"),
        (next_workday(date(year + 1, 6, 12)), "Kestrel Founders' Day"),
    )
    for day, name in days:
        writer.add(EntityKind.HOLIDAY, {"day": day, "name": name})


def write_roles(writer: RowWriter) -> dict[str, int]:
    return {
        name: writer.add(EntityKind.ROLE, {"name": name, "cost_rate_minor": rate, "colour": colour})
        for name, rate, colour in ROLES
    }


def write_teams(writer: RowWriter) -> dict[str, int]:
    return {name: writer.add(EntityKind.TEAM, {"name": name}) for name in TEAMS}


def write_people(
    writer: RowWriter, rng: random.Random, as_of: date, roles: dict[str, int], teams: dict[str, int]
) -> dict[str, int]:
    return {spec.name: writer.add(EntityKind.PERSON, _person_row(spec, rng, as_of, roles, teams)) for spec in PEOPLE}


def _person_row(
    spec: PersonSpec, rng: random.Random, as_of: date, roles: dict[str, int], teams: dict[str, int]
) -> dict[str, object]:
    joined = spec.joined if spec.joined is not None else -rng.randint(900, 5000)
    end = None if spec.left is None else as_of + timedelta(days=spec.left)
    return {
        "name": spec.name,
        "email": email(spec.name, DOMAIN),
        "role_id": None if spec.role is None else roles[spec.role],
        "team_id": None if spec.team is None else teams[spec.team],
        "hours_per_week": spec.hours,
        "cost_rate_minor": spec.rate,
        "employment_start": as_of + timedelta(days=joined),
        "employment_end": end,
        "active": end is None or end >= as_of,
    }


def write_strategy(writer: RowWriter, people: dict[str, int]) -> tuple[dict[str, int], list[int]]:
    """Objectives, programmes and the objectives each programme serves: objective ids by code, programme
    ids in catalogue order."""
    objectives = {
        spec.code: writer.add(
            EntityKind.OBJECTIVE,
            {
                "code": spec.code,
                "title": spec.title,
                "owner_id": people[spec.owner],
                "measure": spec.measure,
                "target": spec.target,
            },
        )
        for spec in OBJECTIVES
    }
    programmes = []
    for spec in PROGRAMMES:
        programme_id = writer.add(
            EntityKind.PROGRAMME,
            {
                "name": spec.name,
                "description": spec.description,
                "sponsor_id": people[spec.sponsor],
                "manager_id": people[spec.manager],
                "colour": spec.colour,
                "archived": False,
            },
        )
        for code in spec.objectives:
            writer.add(EntityKind.PROGRAMME_OBJECTIVE, {"programme_id": programme_id, "objective_id": objectives[code]})
        programmes.append(programme_id)
    return objectives, programmes


def write_projects(
    writer: RowWriter, people: dict[str, int], programmes: list[int], objectives: dict[str, int]
) -> dict[str, int]:
    """Projects in catalogue order (so ids follow it) and how much each serves which objective."""
    ids = {}
    for spec in PROJECTS:
        project_id = writer.add(
            EntityKind.PROJECT,
            {
                "code": spec.code,
                "name": spec.name,
                "description": spec.description,
                "programme_id": programmes[spec.programme],
                "sponsor_id": people[spec.sponsor],
                "manager_id": people[spec.manager],
                "stage": spec.stage.value,
                "priority": spec.priority,
                "tentative": spec.tentative,
                "budget_minor": spec.budget * 100,
                "colour": spec.colour,
            },
        )
        for code, weight in spec.objectives:
            writer.add(
                EntityKind.PROJECT_OBJECTIVE,
                {"project_id": project_id, "objective_id": objectives[code], "weight": weight},
            )
        ids[spec.code] = project_id
    return ids
