"""A corpus of files that must be refused, each made from scratch or from a valid portfolio."""

import io
import random
import shutil
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

BadFileMaker = Callable[[Path, Path], None]  # (valid portfolio, where to write the bad file)


def _empty(valid: Path, out: Path) -> None:
    out.write_bytes(b"")


def _random_bytes(valid: Path, out: Path) -> None:
    out.write_bytes(random.Random(7).randbytes(8192))


def _text(valid: Path, out: Path) -> None:
    out.write_text("Project plan\n- design\n- build\n", encoding="utf-8")


def _html(valid: Path, out: Path) -> None:
    out.write_text("<!DOCTYPE html><html><body><h1>Portfolio</h1></body></html>", encoding="utf-8")


def _zip(valid: Path, out: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("portfolio.pmo", valid.read_bytes())
    out.write_bytes(buffer.getvalue())


def _other_application(valid: Path, out: Path) -> None:
    connection = sqlite3.connect(out)
    connection.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('Ann', '555-0100')")
    connection.commit()
    connection.close()


def _with_schema_object(sql: str) -> BadFileMaker:
    def make(valid: Path, out: Path) -> None:
        shutil.copyfile(valid, out)
        connection = sqlite3.connect(out)
        connection.execute(sql)
        connection.commit()
        connection.close()

    return make


def _written_past_the_rules(sql: str) -> BadFileMaker:
    """A value a hostile or careless tool wrote with the CHECK constraints switched off."""

    def make(valid: Path, out: Path) -> None:
        shutil.copyfile(valid, out)
        connection = sqlite3.connect(out)
        connection.execute("PRAGMA ignore_check_constraints = ON")
        connection.execute(sql)
        connection.commit()
        connection.close()

    return make


def _truncated(valid: Path, out: Path) -> None:
    data = valid.read_bytes()
    out.write_bytes(data[: len(data) // 2])


def _truncated_odd(valid: Path, out: Path) -> None:
    data = valid.read_bytes()
    out.write_bytes(data[: len(data) - 1000])


def _bit_flips(valid: Path, out: Path) -> None:
    """Flip one bit in every page past the header page: b-tree headers and cell pointers cannot all survive."""
    data = bytearray(valid.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    rng = random.Random(11)
    for page_start in range(page_size, len(data), page_size):
        offset = page_start + rng.randrange(0, 16)
        data[offset] ^= 1 << rng.randrange(8)
    out.write_bytes(bytes(data))


BAD_FILES: dict[str, BadFileMaker] = {
    "empty": _empty,
    "random bytes": _random_bytes,
    "text": _text,
    "html": _html,
    "zip": _zip,
    "another application's sqlite": _other_application,
    "view calling load_extension": _with_schema_object(
        "CREATE VIEW sneaky AS SELECT load_extension('/tmp/evil.so') AS x"
    ),
    "trigger calling load_extension": _with_schema_object(
        "CREATE TRIGGER sneaky AFTER INSERT ON task BEGIN SELECT load_extension('/tmp/evil.so'); END"
    ),
    "negative hours": _written_past_the_rules("UPDATE person SET hours_per_week = -40"),
    "probability 99": _written_past_the_rules(
        "INSERT INTO raid_item (uuid, kind, number, title, description, category, probability, impact, "
        "opportunity, actions, status, raised_on, closure_note, resolution, validation_result, outcome, "
        "created_at, updated_at) VALUES ('x', 'risk', 1, 'R', '', '', 99, 3, 0, '', 'open', '2026-01-01', '', "
        "'', '', '', '2026-01-01', '2026-01-01')"
    ),
    "a date in year 9999": _written_past_the_rules("UPDATE task SET finish = '9999-12-31'"),
    "a date that is not a date": _written_past_the_rules("UPDATE task SET start = 'next Tuesday'"),
    "truncated in half": _truncated,
    "truncated mid-page": _truncated_odd,
    "bit flips": _bit_flips,
}
