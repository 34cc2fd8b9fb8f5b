"""The first look at a file: is it there, is it SQLite, is it ours, which format. Plain reads only.

Reading the 100-byte SQLite header with ordinary file I/O answers most refusals (an empty file, a web page,
a zip archive, another application's database, a file from a newer PMO Desktop) before SQLite parses
anything, and cannot modify the file.
"""

import struct
from dataclasses import dataclass
from pathlib import Path

from pmo_desktop.domain.errors import FileRefusedError
from pmo_desktop.i18n import tr
from pmo_desktop.storage.schema_version import APPLICATION_ID, SchemaVersion

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass(frozen=True)
class Header:
    """The fields of the SQLite header that the checks use."""

    page_size: int
    read_version: int
    change_counter: int
    page_count: int
    version_valid_for: int
    user_version: int
    application_id: int

    @property
    def schema_version(self) -> SchemaVersion:
        return SchemaVersion.from_user_version(self.user_version)


def _describe_foreign(head: bytes) -> str:
    """Say what a file that is not SQLite looks like, for a friendlier refusal."""
    stripped = head.lstrip().lower()
    if head.startswith(b"PK\x03\x04"):
        return tr("a zip archive")
    if stripped.startswith((b"<!doctype html", b"<html")):
        return tr("a web page (HTML)")
    if stripped.startswith(b"<?xml") or stripped.startswith(b"<"):
        return tr("an XML file")
    if head.startswith(b"%PDF"):
        return tr("a PDF document")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return tr("binary data of an unknown kind")
    return tr("a text file")


def parse_header(raw: bytes) -> Header:
    (page_size,) = struct.unpack(">H", raw[16:18])
    return Header(
        page_size=65536 if page_size == 1 else page_size,
        read_version=raw[19],
        change_counter=struct.unpack(">I", raw[24:28])[0],
        page_count=struct.unpack(">I", raw[28:32])[0],
        version_valid_for=struct.unpack(">I", raw[92:96])[0],
        user_version=struct.unpack(">I", raw[60:64])[0],
        application_id=struct.unpack(">I", raw[68:72])[0],
    )


def _refuse(name: str, sentence: str, **fields: object) -> FileRefusedError:
    return FileRefusedError(tr(sentence, name=name, **fields))


def sniff(path: Path, current: SchemaVersion) -> Header:
    """Refuse anything that is plainly not a portfolio this build can read; return its header otherwise."""
    name = path.name
    if not path.exists():
        raise _refuse(name, "There is no file '{name}'.")
    if path.is_dir():
        raise _refuse(name, "'{name}' is a folder, not a PMO Desktop portfolio.")
    size = path.stat().st_size
    if size == 0:
        raise _refuse(name, "'{name}' is empty: it is not a PMO Desktop portfolio.")
    with path.open("rb") as stream:
        raw = stream.read(HEADER_SIZE)
    if not raw.startswith(SQLITE_MAGIC):
        raise _refuse(name, "'{name}' is {what}, not a PMO Desktop portfolio.", what=_describe_foreign(raw))
    if len(raw) < HEADER_SIZE:
        raise _refuse(name, "'{name}' is truncated: it ends inside its header.")
    header = parse_header(raw)
    if header.application_id != APPLICATION_ID:
        raise _refuse(name, "'{name}' is a database of another application, not a PMO Desktop portfolio.")
    _check_size(name, size, header)
    _check_version(name, header.schema_version, current)
    return header


def _check_size(name: str, size: int, header: Header) -> None:
    valid_sizes = {2**n for n in range(9, 17)}
    if header.page_size not in valid_sizes or size % header.page_size:
        raise _refuse(name, "'{name}' is damaged: its length does not match its page size.")
    if header.version_valid_for == header.change_counter and size < header.page_count * header.page_size:
        raise _refuse(
            name,
            "'{name}' is truncated: it holds {have:,} of its {want:,} bytes.",
            have=size,
            want=header.page_count * header.page_size,
        )


def _check_version(name: str, version: SchemaVersion, current: SchemaVersion) -> None:
    if version.major > current.major or (version.major == current.major and version > current):
        raise _refuse(
            name,
            "'{name}' was saved by a newer PMO Desktop in file format {theirs}; this version reads format "
            "{ours} and older. Update PMO Desktop to open it.",
            theirs=version,
            ours=current,
        )
    if version.major < 1:
        raise _refuse(name, "'{name}' is not a finished PMO Desktop portfolio (it has no file format version).")
