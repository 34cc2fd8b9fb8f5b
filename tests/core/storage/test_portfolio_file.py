"""The file's life cycle: create, open, edit, save, Save As, reopen; no side files; versions."""

import sqlite3
from pathlib import Path

import pytest

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import FileChangedOnDiskError, FileRefusedError, SaveError
from pmo_desktop.services.records import get_record, list_records, update_record
from pmo_desktop.services.workspace import OpenMode, Workspace
from pmo_desktop.storage import migrate
from pmo_desktop.storage.lock import lock_path
from pmo_desktop.storage.schema_version import APPLICATION_ID
from tests.core.cli_runner import pmo
from tests.core.factories import add_plan, small_portfolio


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "shared-folder"
    path.mkdir()
    return path


def names_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_create_writes_one_file_and_a_lock_until_closed(folder: Path) -> None:
    target = folder / "plan.pmo"
    workspace = Workspace.create(target, "Plan")
    assert names_in(folder) == [".~lock.plan.pmo#", "plan.pmo"]
    workspace.close()
    assert names_in(folder) == ["plan.pmo"]
    with sqlite3.connect(target) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()


def test_edit_save_reopen_shows_the_edit(folder: Path) -> None:
    target = small_portfolio(folder / "plan.pmo")
    workspace = Workspace.open(target)
    design = list_records(workspace, EntityKind.TASK, name="Design")[0]
    update_record(workspace, EntityKind.TASK, design.id, {"name": "Discovery and design"})
    assert workspace.dirty
    workspace.save()
    assert not workspace.dirty
    assert names_in(folder) == [".~lock.plan.pmo#", "plan.pmo"]
    workspace.close()
    assert names_in(folder) == ["plan.pmo"]
    reopened = Workspace.open(target)
    assert get_record(reopened, EntityKind.TASK, design.id)["name"] == "Discovery and design"
    reopened.close()


def test_unsaved_edits_never_reach_the_file(folder: Path) -> None:
    target = small_portfolio(folder / "plan.pmo")
    before = target.read_bytes()
    workspace = Workspace.open(target)
    design = list_records(workspace, EntityKind.TASK, name="Design")[0]
    update_record(workspace, EntityKind.TASK, design.id, {"name": "Changed"})
    assert target.read_bytes() == before
    workspace.close()
    assert target.read_bytes() == before


def test_save_as_moves_the_document_and_leaves_the_original(folder: Path) -> None:
    original = small_portfolio(folder / "plan.pmo")
    before = original.read_bytes()
    workspace = Workspace.open(original)
    project = list_records(workspace, EntityKind.PROJECT)[0]
    update_record(workspace, EntityKind.PROJECT, project.id, {"name": "Portal Relaunch v2"})
    copy = folder / "plan v2.pmo"
    workspace.save_as(copy)
    assert workspace.path == copy.resolve() and not workspace.dirty
    assert names_in(folder) == [".~lock.plan v2.pmo#", "plan v2.pmo", "plan.pmo"]
    assert original.read_bytes() == before
    workspace.close()
    reopened = Workspace.open(copy)
    assert list_records(reopened, EntityKind.PROJECT)[0]["name"] == "Portal Relaunch v2"
    reopened.close()


def test_an_unsaved_portfolio_must_be_saved_as(folder: Path) -> None:
    workspace = Workspace.create(None, "Scratch")
    add_plan(workspace)
    with pytest.raises(SaveError, match="choose where to save"):
        workspace.save()
    workspace.save_as(folder / "scratch.pmo")
    workspace.close()
    assert names_in(folder) == ["scratch.pmo"]


def test_read_only_open_refuses_edits_and_save(folder: Path) -> None:
    target = small_portfolio(folder / "plan.pmo")
    workspace = Workspace.open(target, OpenMode.READ_ONLY)
    assert workspace.read_only
    assert not lock_path(target).exists()
    project = list_records(workspace, EntityKind.PROJECT)[0]
    with pytest.raises(Exception, match="read-only"):
        update_record(workspace, EntityKind.PROJECT, project.id, {"name": "x"})
    with pytest.raises(SaveError, match="read-only"):
        workspace.save()
    workspace.close()


def test_open_as_copy_is_untitled_and_unlocked(folder: Path) -> None:
    target = small_portfolio(folder / "plan.pmo")
    workspace = Workspace.open(target, OpenMode.COPY)
    assert workspace.path is None
    assert workspace.display_name == "Copy of plan.pmo"
    assert names_in(folder) == ["plan.pmo"]
    workspace.close()


def test_a_change_on_disk_is_noticed_before_save(folder: Path) -> None:
    target = small_portfolio(folder / "plan.pmo")
    workspace = Workspace.open(target)
    project = list_records(workspace, EntityKind.PROJECT)[0]
    update_record(workspace, EntityKind.PROJECT, project.id, {"name": "Mine"})
    theirs = small_portfolio(folder / "theirs.pmo")
    theirs.replace(target)
    with pytest.raises(FileChangedOnDiskError):
        workspace.save()
    workspace.save(overwrite_changes=True)
    workspace.close()
    reopened = Workspace.open(target)
    assert list_records(reopened, EntityKind.PROJECT)[0]["name"] == "Mine"
    reopened.close()


def test_a_file_from_a_newer_major_version_is_refused_naming_both(folder: Path) -> None:
    target = small_portfolio(folder / "future.pmo")
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA user_version = 2000")
    connection.commit()
    connection.close()
    before = target.read_bytes()
    with pytest.raises(FileRefusedError) as refused:
        Workspace.open(target)
    assert "format 2.0" in str(refused.value) and f"format {migrate.current_version()}" in str(refused.value)
    result = pmo("check", str(target))
    assert result.returncode == 1 and "newer PMO Desktop" in result.stderr
    assert target.read_bytes() == before


def test_a_stale_journal_beside_the_file_is_replayed_in_the_copy_only(folder: Path) -> None:
    target = small_portfolio(folder / "plan.pmo")
    journal = folder / "plan.pmo-journal"
    journal.write_bytes(b"\x00" * 512)
    before = target.read_bytes()
    workspace = Workspace.open(target)
    assert list_records(workspace, EntityKind.PROJECT)
    workspace.close()
    assert target.read_bytes() == before
    assert journal.exists()


def test_saving_to_a_folder_name_fails_cleanly(folder: Path) -> None:
    target = small_portfolio(folder / "plan.pmo")
    (folder / "taken.pmo").mkdir()
    workspace = Workspace.open(target)
    with pytest.raises(Exception, match="folder of that name"):
        workspace.save_as(folder / "taken.pmo")
    assert workspace.path == target.resolve()
    workspace.close()
    assert names_in(folder) == ["plan.pmo", "taken.pmo"]
