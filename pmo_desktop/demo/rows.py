"""The plain-data shape both generators produce, and the writer that numbers and stamps every row.

A generator never touches a database: it returns `DemoData`, one list of column dicts per table, which the
storage layer inserts table by table in `INSERT_ORDER` (parents before children, task parents before their
children), so foreign keys hold at every step with `PRAGMA foreign_keys=ON`.
"""

import random
import uuid
from datetime import date, datetime, time

from pmo_desktop.domain.enums import EntityKind

Row = dict[str, object]
DemoData = dict[EntityKind, list[Row]]

INSERT_ORDER: tuple[EntityKind, ...] = (
    EntityKind.PORTFOLIO,
    EntityKind.HOLIDAY,
    EntityKind.ROLE,
    EntityKind.TEAM,
    EntityKind.PERSON,
    EntityKind.OBJECTIVE,
    EntityKind.PROGRAMME,
    EntityKind.PROGRAMME_OBJECTIVE,
    EntityKind.PROJECT,
    EntityKind.PROJECT_OBJECTIVE,
    EntityKind.TASK,
    EntityKind.DEPENDENCY,
    EntityKind.BASELINE,
    EntityKind.BASELINE_TASK,
    EntityKind.BASELINE_PROJECT,
    EntityKind.TIME_OFF,
    EntityKind.ALLOCATION,
    EntityKind.RAID_ITEM,
    EntityKind.RAID_SCORE,
    EntityKind.RAID_TASK_LINK,
    EntityKind.STATUS_REPORT,
    EntityKind.BUDGET_LINE,
)

_OFFICE_HOURS = time(9, 0)


def stream(seed: int, name: str) -> random.Random:
    """An independent random stream per concern, so adding rows to one table never reshuffles another.

    String seeds are hashed with SHA-512 by `random.Random`, so the stream does not depend on
    PYTHONHASHSEED.
    """
    return random.Random(f"{seed}:{name}")


def stamp(day: date) -> datetime:
    """A naive UTC timestamp on `day`: timestamps derive from dates of the plan, never from the clock."""
    return datetime.combine(day, _OFFICE_HOURS)


class RowWriter:
    """Collects rows per table, giving each an explicit id (1, 2, ... per table), a UUID and timestamps."""

    def __init__(self, seed: int, created_on: date) -> None:
        self._uuids = stream(seed, "uuid")
        self._created = stamp(created_on)
        self.data: DemoData = {kind: [] for kind in INSERT_ORDER}

    def add(self, kind: EntityKind, values: Row, on: date | None = None) -> int:
        """Append one row to `kind` and return its id. `on` dates the row's creation when it has a natural day."""
        rows = self.data[kind]
        row_id = len(rows) + 1
        created = self._created if on is None else stamp(on)
        row: Row = {"id": row_id, "uuid": self.new_uuid()}
        row.update(values)
        row["created_at"] = created
        row["updated_at"] = created
        rows.append(row)
        return row_id

    def new_uuid(self) -> str:
        return str(uuid.UUID(int=self._uuids.getrandbits(128), version=4))
