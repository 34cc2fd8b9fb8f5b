"""Text deleted before a save is not present anywhere in the saved file's bytes."""

from datetime import date
from pathlib import Path

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.records import create_record, delete_record, list_records, update_record
from pmo_desktop.services.workspace import Workspace
from tests.core.factories import small_portfolio

SECRET = "Redundancy list for the Leeds depot: 14 names"
OVERWRITTEN = "Acquisition of Corvid Software at 3.2x revenue"


def test_deleted_and_overwritten_text_leaves_no_trace_in_the_saved_file(tmp_path: Path) -> None:
    target = small_portfolio(tmp_path / "plan.pmo")
    workspace = Workspace.open(target)
    project = list_records(workspace, EntityKind.PROJECT)[0].id
    secret = create_record(
        workspace,
        EntityKind.TASK,
        {"project_id": project, "name": "HR consultation", "notes": SECRET * 20,
         "start": date(2026, 3, 2), "finish": date(2026, 3, 6)},
    ).id  # fmt: skip
    update_record(workspace, EntityKind.PROJECT, project, {"description": OVERWRITTEN})
    workspace.save()
    assert SECRET.encode() in target.read_bytes()

    delete_record(workspace, EntityKind.TASK, secret)
    update_record(workspace, EntityKind.PROJECT, project, {"description": "Relaunch of the customer portal"})
    workspace.save()
    workspace.close()

    saved = target.read_bytes()
    for text in (SECRET, OVERWRITTEN, "HR consultation"):
        assert text.encode() not in saved
        assert text.encode("utf-16-le") not in saved
