"""Saving onto disks that fail: full, read-only, in the way, or held. One sentence, and nothing lost."""

import json
import os
import resource
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import FileLockedError, SaveError
from pmo_desktop.services.records import list_records, update_record
from pmo_desktop.services.workspace import Workspace
from tests.core.factories import small_portfolio


def edited(target: Path) -> Workspace:
    workspace = Workspace.open(target)
    project = list_records(workspace, EntityKind.PROJECT)[0]
    update_record(workspace, EntityKind.PROJECT, project.id, {"name": "Edited before the disk failed"})
    return workspace


def test_a_full_disk_fails_the_save_with_one_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    target = small_portfolio(folder / "plan.pmo")
    before = target.read_bytes()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child is the app on a disk that will not take a file as large as the portfolio
        os.close(read_end)
        report: dict[str, str] = {}
        try:
            workspace = edited(target)
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the kernel kills the writer instead of failing it
            resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) // 2, resource.RLIM_INFINITY))
            try:
                workspace.save()
            except SaveError as error:
                report["error"] = str(error)
            resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
            report["kept"] = list_records(workspace, EntityKind.PROJECT)[0]["name"]
            workspace.close()
        finally:
            os.write(write_end, json.dumps(report).encode())
            os._exit(0)
    os.close(write_end)
    _, status = os.waitpid(pid, 0)
    report = json.loads(os.read(read_end, 65536) or b"{}")
    os.close(read_end)
    assert os.WEXITSTATUS(status) == 0
    assert report["error"].startswith("Could not save 'plan.pmo': ")
    assert report["error"].endswith("The file on disk is unchanged and your edits are kept.")
    assert report["kept"] == "Edited before the disk failed"
    assert target.read_bytes() == before
    assert sorted(path.name for path in folder.iterdir()) == ["plan.pmo"]


def test_a_folder_in_the_way_of_save_as(tmp_path: Path) -> None:
    target = small_portfolio(tmp_path / "plan.pmo")
    (tmp_path / "blocked.pmo").mkdir()
    workspace = edited(target)
    with pytest.raises(SaveError, match="a folder of that name is in the way"):
        workspace.save_as(tmp_path / "blocked.pmo")
    workspace.close()


def test_save_as_onto_a_file_someone_has_open_is_refused(tmp_path: Path) -> None:
    mine = small_portfolio(tmp_path / "mine.pmo")
    theirs = small_portfolio(tmp_path / "theirs.pmo")
    before = theirs.read_bytes()
    holder = Workspace.open(theirs)
    workspace = edited(mine)
    with pytest.raises(FileLockedError, match=r"'theirs\.pmo' is open by"):
        workspace.save_as(theirs)
    assert theirs.read_bytes() == before
    assert workspace.path == mine.resolve()
    workspace.close()
    holder.close()


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder holding a portfolio that the user cannot write to.

    Root ignores permission bits, so as root the folder is a small tmpfs remounted read-only; elsewhere it is
    an ordinary folder without write permission.
    """
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() != 0:
        small_portfolio(folder / "plan.pmo")
        os.chmod(folder, 0o555)
        yield folder / "plan.pmo"
        os.chmod(folder, 0o755)
        return
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], check=False).returncode:
        pytest.skip("this machine lets root neither ignore nor mount a read-only folder")
    try:
        small_portfolio(folder / "plan.pmo")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder / "plan.pmo"
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_read_only_folder_opens_read_only_and_refuses_saves(read_only_folder: Path) -> None:
    target = read_only_folder
    before = target.read_bytes()
    workspace = Workspace.open(target)
    assert workspace.read_only
    with pytest.raises(SaveError) as refused:
        workspace.save()
    assert str(refused.value) == "'plan.pmo' is open read-only: use Save As to keep your changes in another file."
    with pytest.raises(SaveError) as refused:
        workspace.save_as(target.with_name("b.pmo"))
    assert str(refused.value) == (
        "Could not save 'b.pmo': you cannot write to that folder. The file on disk is unchanged and your edits "
        "are kept."
    )
    workspace.close()
    assert target.read_bytes() == before
    assert sorted(path.name for path in target.parent.iterdir()) == ["plan.pmo"]
