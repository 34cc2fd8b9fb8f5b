"""The ultimate check: the realistic demo goes into a real portfolio database with every constraint enforced,
and each of its records passes the rules the services apply when a user edits one."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, create_engine, event, func, insert, select, text

from pmo_desktop.demo import INSERT_ORDER, DemoData, build_demo
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.validation import validate
from pmo_desktop.storage.migrate import upgrade
from pmo_desktop.storage.models import Base

CASES = [(1, date(2026, 11, 27)), (7, date(2027, 1, 3)), (42, date(2028, 2, 29))]


def _engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _foreign_keys(dbapi_connection: Any, _: object) -> None:
        dbapi_connection.execute("PRAGMA foreign_keys=ON")

    return engine


def _insert(connection: Connection, data: DemoData) -> None:
    upgrade(connection)
    for kind in INSERT_ORDER:
        if data[kind]:
            connection.execute(insert(Base.metadata.tables[kind.value]), data[kind])


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = _engine(tmp_path / "demo.pmo")
    yield engine
    engine.dispose()


@pytest.mark.parametrize(("seed", "as_of"), CASES)
def test_the_demo_inserts_with_foreign_keys_on_and_checks_clean(engine: Engine, seed: int, as_of: date) -> None:
    data = build_demo(seed, as_of=as_of)
    with engine.begin() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        _insert(connection, data)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        for kind in INSERT_ORDER:
            table = Base.metadata.tables[kind.value]
            assert connection.execute(select(func.count()).select_from(table)).scalar() == len(data[kind])


def test_a_broken_row_is_refused_so_the_check_above_means_something(engine: Engine) -> None:
    data = build_demo(1, as_of=CASES[0][1])
    data[EntityKind.TASK][5]["project_id"] = 999
    with pytest.raises(Exception, match="FOREIGN KEY"), engine.begin() as connection:
        _insert(connection, data)


def test_every_record_passes_the_services_validation_rules(engine: Engine) -> None:
    data = build_demo(1, as_of=CASES[0][1])
    with engine.begin() as connection:
        _insert(connection, data)
        for kind in INSERT_ORDER:
            for row in data[kind]:
                validate(connection, kind, dict(row), before=dict(row))
