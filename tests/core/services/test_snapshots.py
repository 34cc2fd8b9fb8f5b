"""A snapshot of an open workspace holds its unsaved edits, opens like a saved portfolio, and goes away whole."""

from pathlib import Path

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.records import create_record, list_records
from pmo_desktop.services.snapshots import write_snapshot
from pmo_desktop.services.workspace import OpenMode, Workspace
from tests.core.factories import small_portfolio


def test_a_snapshot_holds_unsaved_edits_and_leaves_the_file_alone(tmp_path: Path) -> None:
    path = small_portfolio(tmp_path / "plan.pmo")
    before = path.read_bytes()
    workspace = Workspace.open(path)
    try:
        create_record(workspace, EntityKind.PROGRAMME, {"name": "Added, not saved"})
        snapshot = write_snapshot(workspace)
        create_record(workspace, EntityKind.PROGRAMME, {"name": "Added after the snapshot"})
    finally:
        workspace.close()
    assert path.read_bytes() == before
    copy = Workspace.open(snapshot.path, OpenMode.READ_ONLY)
    try:
        names = {record["name"] for record in list_records(copy, EntityKind.PROGRAMME)}
    finally:
        copy.close()
    assert names == {"Customer Experience", "Added, not saved"}
    assert snapshot.display_name == "plan.pmo"
    snapshot.discard()
    assert not snapshot.path.parent.exists()


def test_an_unsaved_portfolio_can_be_snapshotted() -> None:
    workspace = Workspace.create(None, "Fresh")
    try:
        snapshot = write_snapshot(workspace)
    finally:
        workspace.close()
    try:
        copy = Workspace.open(snapshot.path, OpenMode.READ_ONLY)
        assert list_records(copy, EntityKind.PORTFOLIO)[0]["name"] == "Fresh"
        copy.close()
    finally:
        snapshot.discard()
