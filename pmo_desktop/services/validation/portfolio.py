"""Rules for the portfolio settings, holidays, objectives and programmes."""

import re

from sqlalchemy import Connection

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.services.validation.common import (
    Row,
    require_between,
    require_reference,
    require_text,
    require_unique,
)

COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def check_colour(row: Row) -> None:
    colour = row.get("colour")
    if colour is not None and not COLOUR.match(colour):
        raise ValidationError(tr("'{colour}' is not a colour; use the form #1A2B3C.", colour=colour))


def _portfolio(connection: Connection, row: Row, before: Row | None) -> None:
    require_text(row, "name", EntityKind.PORTFOLIO)
    currency = row.get("currency") or ""
    if not re.fullmatch(r"[A-Z]{3}", currency):
        raise ValidationError(
            tr("'{currency}' is not a currency code; use three capital letters such as EUR.", currency=currency)
        )
    require_between(
        row.get("fiscal_year_start_month"), 1, 12, "The fiscal year must start in a month from 1 to 12 (got {value})."
    )
    require_between(row.get("hours_per_day"), 0.5, 24, "A working day must last 0.5 to 24 hours (got {value}).")
    if not 1 <= int(row.get("working_days") or 0) <= 127:
        raise ValidationError(tr("The working week needs at least one working day."))
    country = row.get("holiday_country")
    if country:
        import holidays

        supported = holidays.list_supported_countries()
        if country not in supported:
            raise ValidationError(tr("Public holidays are not known for the country code '{code}'.", code=country))
        region = row.get("holiday_subdivision")
        if region and region not in supported[country]:
            raise ValidationError(
                tr(
                    "'{region}' is not a region of {country}; use one of: {regions}.",
                    region=region,
                    country=country,
                    regions=", ".join(supported[country]) or tr("none (the country has no regions)"),
                )
            )
    elif row.get("holiday_subdivision"):
        raise ValidationError(tr("A region for public holidays needs a country."))


def _holiday(connection: Connection, row: Row, before: Row | None) -> None:
    require_text(row, "name", EntityKind.HOLIDAY)
    require_unique(connection, EntityKind.HOLIDAY, row, "day", "{value} is already a holiday.")


def _objective(connection: Connection, row: Row, before: Row | None) -> None:
    for column in ("code", "title"):
        if not str(row.get(column) or "").strip():
            raise ValidationError(tr("An objective needs a {field}.", field=tr(column)))
    require_unique(connection, EntityKind.OBJECTIVE, row, "code", "Another objective already has the code '{value}'.")
    require_reference(
        connection, row, "owner_id", EntityKind.PERSON, "The owner of an objective must be a person of the portfolio."
    )


def _programme(connection: Connection, row: Row, before: Row | None) -> None:
    require_text(row, "name", EntityKind.PROGRAMME)
    require_unique(connection, EntityKind.PROGRAMME, row, "name", "Another programme is already called '{value}'.")
    check_colour(row)
    for column, role in (("sponsor_id", "sponsor"), ("manager_id", "manager")):
        require_reference(
            connection, row, column, EntityKind.PERSON, f"The {role} of a programme must be a person of the portfolio."
        )


RULES = {
    EntityKind.PORTFOLIO: _portfolio,
    EntityKind.HOLIDAY: _holiday,
    EntityKind.OBJECTIVE: _objective,
    EntityKind.PROGRAMME: _programme,
}
