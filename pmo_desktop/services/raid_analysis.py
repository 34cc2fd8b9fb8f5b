"""The register's pictures: the 5x5 matrix, the exposure burndown and the top risks of a selection of rows.

Each takes the rows a view (or the board pack) selected from a `RaidRegister` and asks the risk engine, so
the numbers are the engine's. The burndown spans the last and the next quarter around the register's day,
one point per week: the past from the score history, the future projected from today's scores.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from pmo_desktop.risk import ExposurePoint, RiskMatrix, ScoreBasis, exposure_series, risk_matrix, top_risks
from pmo_desktop.services.raid_queries import RaidRegister, RegisterRow

QUARTER = timedelta(weeks=13)
"""How far the burndown looks back and ahead."""


@dataclass(frozen=True)
class Burndown:
    """Open exposure per week (`points`, Mondays) from `start` to `end`, measured on `basis`, as of `today`."""

    points: tuple[ExposurePoint, ...]
    basis: ScoreBasis
    today: date
    start: date
    end: date

    @property
    def current(self) -> ExposurePoint | None:
        """The week holding today: the last point that is not projected."""
        past = [point for point in self.points if not point.projected]
        return past[-1] if past else None


def register_matrix(rows: Iterable[RegisterRow], basis: ScoreBasis) -> RiskMatrix:
    """The open threats of `rows` in the 5x5 matrix on `basis`."""
    return risk_matrix((row.item for row in rows), basis=basis)


def register_burndown(register: RaidRegister, rows: Iterable[RegisterRow], basis: ScoreBasis) -> Burndown:
    """The exposure of `rows` per week over the last and the next quarter around the register's day."""
    start, end = register.today - QUARTER, register.today + QUARTER
    points = exposure_series(
        (row.item for row in rows), register.history, start=start, end=end, today=register.today, basis=basis
    )
    return Burndown(points, basis, register.today, start, end)


def register_top_risks(rows: Sequence[RegisterRow], limit: int = 10) -> tuple[RegisterRow, ...]:
    """The `limit` open threats of `rows` that most deserve attention, by the engine's ranking."""
    by_id = {row.id: row for row in rows}
    return tuple(by_id[item.id] for item in top_risks((row.item for row in rows), limit))
