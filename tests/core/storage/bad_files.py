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


def _schema_text_edited(table: str, old: str, new: str) -> BadFileMaker:
    """Rewrite a table's CREATE statement in place, as a hostile tool with writable_schema can."""

    def make(valid: Path, out: Path) -> None:
        shutil.copyfile(valid, out)
        connection = sqlite3.connect(out)
        connection.execute("PRAGMA writable_schema = ON")
        changed = connection.execute(
            "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = ?", (old, new, table)
        ).rowcount
        connection.commit()
        connection.close()
        assert changed == 1

    return make


def _zeroed_pages(valid: Path, out: Path) -> None:
    """Whole pages of zeros in the middle, as a crashed copy or a bad sector leaves them."""
    data = bytearray(valid.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(2, len(data) // page_size, 3):
        data[page * page_size : (page + 1) * page_size] = bytes(page_size)
    out.write_bytes(bytes(data))


def _header_field(offset: int, value: bytes) -> BadFileMaker:
    def make(valid: Path, out: Path) -> None:
        data = bytearray(valid.read_bytes())
        data[offset : offset + len(value)] = value
        out.write_bytes(bytes(data))

    return make


def _oversized_cell(sql: str) -> BadFileMaker:
    """A cell larger than the app reads (16 MB), written by another tool."""

    def make(valid: Path, out: Path) -> None:
        shutil.copyfile(valid, out)
        connection = sqlite3.connect(out)
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
        "created_at, updated_at) VALUES (randomblob(16), 'risk', 1, 'R', '', '', 99, 3, 0, '', 'open', "
        "'2026-01-01', '', '', '', '', '2026-01-01 09:00:00', '2026-01-01 09:00:00')"
    ),
    "a date in year 9999": _written_past_the_rules("UPDATE task SET finish = '9999-12-31'"),
    "a date that is not a date": _written_past_the_rules("UPDATE task SET start = 'next Tuesday'"),
    "a generated column": _with_schema_object(
        "ALTER TABLE task ADD COLUMN sneaky TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL"
    ),
    "a default calling a function": _schema_text_edited(
        "task", "notes TEXT NOT NULL", "notes TEXT DEFAULT (load_extension('/tmp/evil.so')) NOT NULL"
    ),
    "an extra index": _with_schema_object("CREATE INDEX sneaky ON task (name)"),
    "an extra table": _with_schema_object("CREATE TABLE sneaky (payload BLOB)"),
    "oversized text cell": _oversized_cell("UPDATE task SET notes = printf('%.*c', 20000000, 'x')"),
    "oversized blob cell": _oversized_cell("UPDATE person SET uuid = zeroblob(20000000)"),
    "zeroed pages": _zeroed_pages,
    "page size field corrupt": _header_field(16, b"\x03\x00"),
    "schema format field corrupt": _header_field(44, b"\x00\x00\x00\x09"),
    "application id field corrupt": _header_field(68, b"\x00\x00\x00\x01"),
    "page count field corrupt": _header_field(28, b"\x00\x10\x00\x00"),
    "truncated in half": _truncated,
    "truncated mid-page": _truncated_odd,
    "bit flips": _bit_flips,
}
