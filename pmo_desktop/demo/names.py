"""The people, roles and teams of the realistic demo, including who is deliberately overloaded or idle.

`HOTSPOT_PEOPLE` are given overlapping allocations around today worth well over their hours for several
consecutive weeks, so the capacity heatmap has something red to find. `IDLE_PEOPLE` get one light
allocation each (under half their hours), so it has something pale to find too. Everyone else is staffed
by a balancing pass that leaves work it cannot place as an unfilled role placeholder.
"""

import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from pmo_desktop.demo.phases import BA, CHANGE, DATA, DEV, PM, QA, SA, UX

DELIVERY = "Delivery Office"
ANALYSIS = "Business Analysis & Design"
ENGINEERING = "Engineering"
DATA_TEAM = "Data & Analytics"

TEAMS = (DELIVERY, ANALYSIS, ENGINEERING, DATA_TEAM)

# (role, cost rate in pence per hour, colour)
ROLES = (
    (PM, 7_500, "#4C6EF5"),
    (BA, 6_000, "#15AABF"),
    (SA, 9_500, "#7950F2"),
    (DEV, 6_500, "#40C057"),
    (QA, 5_000, "#FAB005"),
    (DATA, 7_000, "#E64980"),
    (UX, 6_000, "#FD7E14"),
    (CHANGE, 6_500, "#12B886"),
)


@dataclass(frozen=True)
class PersonSpec:
    """`joined` and `left` are days from today when employment starts or ends inside the demo's window;
    None for `joined` means long-serving. `rate` overrides the role's cost rate (contractors)."""

    name: str
    role: str | None
    team: str | None
    hours: float = 37.5
    joined: int | None = None
    left: int | None = None
    rate: int | None = None

    def employed(self, as_of: date, start: date, finish: date) -> bool:
        """Whether this person works here on every day from `start` to `finish`."""
        joined = self.joined is None or as_of + timedelta(days=self.joined) <= start
        stays = self.left is None or as_of + timedelta(days=self.left) >= finish
        return joined and stays


PEOPLE = (
    # Sponsors and executives: no delivery role, a few hours a week of steering.
    PersonSpec("Margaret Ellison", None, None),
    PersonSpec("Daniel Osei", None, None),
    PersonSpec("Rebecca Thornton", None, None),
    PersonSpec("Alistair McBride", None, None),
    PersonSpec("Sarah Whitfield", PM, DELIVERY),
    PersonSpec("James Okonkwo", PM, DELIVERY),
    PersonSpec("Fiona Campbell", PM, DELIVERY),
    PersonSpec("Rajesh Patel", PM, DELIVERY),
    PersonSpec("Claire Donnelly", PM, DELIVERY, hours=30.0),
    PersonSpec("Hannah Brooks", BA, ANALYSIS),
    PersonSpec("Mohammed Iqbal", BA, ANALYSIS),
    PersonSpec("Laura Jenkins", BA, ANALYSIS, hours=22.5),
    PersonSpec("Oliver Grant", BA, ANALYSIS),
    PersonSpec("Aisha Bello", BA, ANALYSIS, joined=-60),
    PersonSpec("Priya Raman", SA, ENGINEERING, hours=40.0),
    PersonSpec("Marcus Webb", SA, ENGINEERING),
    PersonSpec("Stefan Novak", SA, DATA_TEAM, rate=11_000),
    PersonSpec("Tomasz Nowak", DEV, ENGINEERING),
    PersonSpec("Chloe Evans", DEV, ENGINEERING),
    PersonSpec("Liam O'Connor", DEV, ENGINEERING),
    PersonSpec("Arjun Mehta", DEV, ENGINEERING),
    PersonSpec("Sophie Turner", DEV, ENGINEERING, hours=30.0),
    PersonSpec("Kwame Mensah", DEV, ENGINEERING),
    PersonSpec("Natalia Kowalska", DEV, ENGINEERING, hours=40.0, rate=8_500),
    PersonSpec("Ben Harrington", DEV, ENGINEERING, left=-75),
    PersonSpec("Emma Richardson", QA, ENGINEERING),
    PersonSpec("Dylan Hughes", QA, ENGINEERING),
    PersonSpec("Zara Ahmed", QA, ENGINEERING, hours=22.5),
    PersonSpec("Callum Reid", QA, ENGINEERING, left=-130),
    PersonSpec("Inês Ferreira", QA, ENGINEERING, hours=40.0, rate=6_500),
    PersonSpec("Wei Zhang", DATA, DATA_TEAM),
    PersonSpec("Lucy Barker", DATA, DATA_TEAM),
    PersonSpec("Nikhil Rao", DATA, DATA_TEAM),
    PersonSpec("Jack Morrison", DATA, DATA_TEAM, joined=30),
    PersonSpec("Ewan Fraser", UX, ANALYSIS, joined=-20),
    PersonSpec("Megan Price", UX, ANALYSIS),
    PersonSpec("Yusuf Demir", UX, ANALYSIS),
    PersonSpec("Siobhan Gallagher", CHANGE, DELIVERY),
    PersonSpec("Patrick Doyle", CHANGE, DELIVERY),
    PersonSpec("Helen Carter", CHANGE, DELIVERY, hours=30.0, left=120),
)


@dataclass(frozen=True)
class Overload:
    """A hotspot: a steady share of a home project, plus extra projects piled on from week `weeks[0]` up to
    week `weeks[1]` (counted from this week, the last one excluded)."""

    person: str
    home: str
    home_share: float
    extras: tuple[tuple[str, float], ...]
    weeks: tuple[int, int]


OVERLOADS = (
    Overload("Priya Raman", "EDP", 0.6, (("WMS", 0.5), ("CRM", 0.4), ("TRK", 0.3)), (-5, 7)),
    Overload("Tomasz Nowak", "WMS", 0.8, (("RFH", 0.4), ("TRK", 0.3)), (-3, 9)),
    Overload("Siobhan Gallagher", "WMS", 0.6, (("CSP", 0.6), ("CRM", 0.3)), (-2, 10)),
)

# The one light allocation each idle person has: (project code, share of their week).
IDLE_WORK = {"Ewan Fraser": ("CSP", 0.25), "Lucy Barker": ("EDP", 0.3)}

HOTSPOT_PEOPLE: tuple[str, ...] = tuple(overload.person for overload in OVERLOADS)
IDLE_PEOPLE: tuple[str, ...] = tuple(IDLE_WORK)


def email(name: str, domain: str) -> str:
    """firstname.lastname@domain, with accents and apostrophes dropped."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().replace("'", "").lower()
    first, _, last = plain.partition(" ")
    return f"{first}.{last.replace(' ', '-')}@{domain}"
