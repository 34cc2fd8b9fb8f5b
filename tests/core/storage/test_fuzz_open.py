"""The byte-level fuzz harness, bounded (FUZZ_SECONDS, default 60) so it fits in `make test`."""

import os

import pytest

from tests.fuzz.fuzz_open import run

FUZZ_SECONDS = float(os.environ.get("FUZZ_SECONDS", "60"))
FUZZ_SEED = int(os.environ.get("FUZZ_SEED", "20261127"))


@pytest.mark.slow
def test_fuzzed_files_are_opened_or_refused_in_one_sentence_and_never_modified() -> None:
    tally = run(FUZZ_SECONDS, FUZZ_SEED)
    print(f"fuzz: {tally.executions} executions, {tally.opened} opened, {tally.refused} refused")
    assert tally.executions > 0
    assert tally.refused > 0
