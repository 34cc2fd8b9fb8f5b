"""Every bad file is refused with one sentence and left byte-for-byte unchanged."""

from pathlib import Path

import pytest

from pmo_desktop.domain.errors import FileRefusedError
from pmo_desktop.services.workspace import Workspace
from tests.core.cli_runner import pmo
from tests.core.factories import small_portfolio
from tests.core.storage.bad_files import BAD_FILES


@pytest.fixture(scope="module")
def valid_portfolio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_portfolio(tmp_path_factory.mktemp("valid") / "valid.pmo")


@pytest.fixture(params=sorted(BAD_FILES))
def bad_file(request: pytest.FixtureRequest, valid_portfolio: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    out = folder / "bad.pmo"
    BAD_FILES[request.param](valid_portfolio, out)
    return out


def test_opening_refuses_with_one_sentence_and_leaves_the_file_alone(bad_file: Path) -> None:
    before = bad_file.read_bytes()
    with pytest.raises(FileRefusedError) as refused:
        Workspace.open(bad_file)
    message = str(refused.value)
    assert message.count("\n") == 0 and message.endswith(".")
    assert "bad.pmo" in message
    assert bad_file.read_bytes() == before
    assert sorted(path.name for path in bad_file.parent.iterdir()) == ["bad.pmo"]


def test_check_command_exits_1_with_one_line(bad_file: Path) -> None:
    before = bad_file.read_bytes()
    result = pmo("check", str(bad_file))
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert bad_file.read_bytes() == before


def test_a_valid_file_passes_check(valid_portfolio: Path) -> None:
    result = pmo("check", str(valid_portfolio))
    assert result.returncode == 0, result.stderr
    assert "1 projects" in result.stdout or "1 project" in result.stdout


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    result = pmo("check", str(tmp_path / "nope.pmo"))
    assert result.returncode == 1
    assert result.stderr.strip() == "pmo-desktop: There is no file 'nope.pmo'."
