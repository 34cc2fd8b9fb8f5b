"""A byte-level fuzz harness for opening portfolio files.

Each execution mutates a seed from `tests/fuzz/corpus/` (bit flips, overwritten runs, zeroed pages, header
fields, truncation, spliced chunks), writes it to a fresh folder and opens it the two ways a user can: the
`check` path and the app's open path. Every outcome must be a success or a `FileRefusedError` of one
sentence; the file must be byte-for-byte unchanged and nothing may be left beside it.

`make test` runs it for a bounded time (FUZZ_SECONDS, default 60); `make fuzz` runs it until interrupted.
Failures name the seed and the execution number, so `python -m tests.fuzz.fuzz_open --seed S --only N`
replays one.
"""

import argparse
import gzip
import random
import shutil
import struct
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pmo_desktop.domain.errors import FileRefusedError
from pmo_desktop.services.files import check_file
from pmo_desktop.services.workspace import Workspace

CORPUS = Path(__file__).with_name("corpus")
Mutation = Callable[[random.Random, bytearray], None]


def seeds() -> list[bytes]:
    return [gzip.decompress(path.read_bytes()) for path in sorted(CORPUS.glob("*.pmo.gz"))]


def _flip_bits(rng: random.Random, data: bytearray) -> None:
    for _ in range(rng.randint(1, 16)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)


def _overwrite_run(rng: random.Random, data: bytearray) -> None:
    start = rng.randrange(len(data))
    length = rng.randint(1, 512)
    data[start : start + length] = rng.randbytes(min(length, len(data) - start))


def _zero_page(rng: random.Random, data: bytearray) -> None:
    page_size = struct.unpack(">H", data[16:18])[0] or 4096
    page = rng.randrange(max(1, len(data) // page_size))
    data[page * page_size : (page + 1) * page_size] = bytes(min(page_size, len(data) - page * page_size))


def _header_field(rng: random.Random, data: bytearray) -> None:
    offset = rng.choice((16, 18, 19, 20, 21, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64, 68, 92, 96))
    data[offset : offset + 4] = rng.randbytes(4)


def _truncate(rng: random.Random, data: bytearray) -> None:
    del data[rng.randrange(len(data)) :]


def _splice(rng: random.Random, data: bytearray) -> None:
    start, length = rng.randrange(len(data)), rng.randint(1, 4096)
    chunk = data[start : start + length]
    at = rng.randrange(len(data))
    data[at:at] = chunk


def _schema_page_bytes(rng: random.Random, data: bytearray) -> None:
    """Aim at page 1, where sqlite_master's b-tree and the schema text live."""
    page_size = struct.unpack(">H", data[16:18])[0] or 4096
    for _ in range(rng.randint(1, 4)):
        data[rng.randrange(100, min(page_size, len(data)))] = rng.randrange(256)


MUTATIONS: tuple[Mutation, ...] = (
    _flip_bits, _overwrite_run, _zero_page, _header_field, _truncate, _splice, _schema_page_bytes,
)  # fmt: skip


def mutate(rng: random.Random, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(rng.randint(1, 3)):
        if data:
            rng.choice(MUTATIONS)(rng, data)
    return bytes(data)


@dataclass
class Tally:
    executions: int = 0
    opened: int = 0
    refused: int = 0


class FuzzFailureError(AssertionError):
    """An input broke a promise; the message says which input and how."""


def _open_both_ways(path: Path) -> bool:
    """True when the file opened; raises `FileRefusedError` when refused (both ways must agree)."""
    try:
        check_file(path)
    except FileRefusedError as refused:
        try:
            Workspace.open(path).close()
        except FileRefusedError:
            raise refused from None
        raise FuzzFailureError(f"check refused a file the app opened: {refused}") from None
    Workspace.open(path).close()
    return True


def execute(data: bytes, folder: Path, label: str, tally: Tally) -> None:
    path = folder / "fuzzed.pmo"
    path.write_bytes(data)
    try:
        opened = _open_both_ways(path)
    except FileRefusedError as refused:
        message = str(refused)
        if "\n" in message or not message.endswith((".", ")")):
            raise FuzzFailureError(f"{label}: refusal is not one sentence: {message!r}") from None
        opened = False
    except FuzzFailureError:
        raise
    except Exception as error:  # anything else is a defect: the harness exists to find it
        raise FuzzFailureError(f"{label}: {type(error).__name__}: {error}") from error
    if path.read_bytes() != data:
        raise FuzzFailureError(f"{label}: the file was modified")
    left = sorted(p.name for p in folder.iterdir() if p.name != "fuzzed.pmo")
    if left:
        raise FuzzFailureError(f"{label}: left beside the file: {left}")
    tally.executions += 1
    tally.opened += opened
    tally.refused += not opened
    path.unlink()


def run(seconds: float, seed: int, only: int | None = None) -> Tally:
    """Fuzz for `seconds` (0: until interrupted) from `seed`; return what it did."""
    corpus = seeds()
    rng = random.Random(seed)
    tally = Tally()
    deadline = time.monotonic() + seconds if seconds else float("inf")
    number = 0
    with tempfile.TemporaryDirectory(prefix="pmo-fuzz-") as scratch:
        folder = Path(scratch)
        while time.monotonic() < deadline:
            data = mutate(rng, rng.choice(corpus))
            if only is None or number == only:
                execute(data, folder, f"seed {seed} execution {number}", tally)
            elif number > only:
                break
            number += 1
        shutil.rmtree(folder, ignore_errors=True)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description="Fuzz opening portfolio files.")
    parser.add_argument("--seconds", type=float, default=0, help="how long (0: until interrupted)")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--only", type=int, default=None, help="replay one execution number")
    args = parser.parse_args()
    print(f"fuzzing from seed {args.seed}", flush=True)
    try:
        tally = run(args.seconds, args.seed, args.only)
    except KeyboardInterrupt:
        return
    print(f"{tally.executions} executions: {tally.opened} opened, {tally.refused} refused")


if __name__ == "__main__":
    main()
