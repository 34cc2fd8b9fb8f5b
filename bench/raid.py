"""The RAID keys: sorting and filtering a 2,000-item register (`raid_filter_ms`), and what stands behind it.

The large portfolio holds 1,000 RAID items; a scratch copy gets 1,000 more (copies of them with their score
history, numbered after the originals) through Core inserts, so the register is read from a real file.
The table model and its filter proxy then run offscreen, as the risk view uses them.
"""

import shutil
import uuid
from collections.abc import Iterator
from itertools import cycle
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bench.timing import Result, median_seconds
from pmo_desktop.domain.enums import EntityKind, RaidKind, RaidStatus
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models.raid_columns import RaidColumn
from pmo_desktop.gui.models.raid_filter_proxy import OPEN_STATUSES, RaidFilter, RaidFilterProxyModel
from pmo_desktop.gui.models.raid_table_model import RaidTableModel
from pmo_desktop.risk import RiskBand, ScoreBasis
from pmo_desktop.services.files import insert_rows
from pmo_desktop.services.raid_analysis import register_burndown, register_matrix, register_top_risks
from pmo_desktop.services.raid_queries import raid_register
from pmo_desktop.services.records import list_records
from pmo_desktop.services.workspace import Workspace

ITEMS = 2_000
_RUNS = 15
_SORTS = (
    (RaidColumn.SCORE, Qt.SortOrder.DescendingOrder),
    (RaidColumn.REVIEW, Qt.SortOrder.AscendingOrder),
    (RaidColumn.TITLE, Qt.SortOrder.AscendingOrder),
    (RaidColumn.OWNER, Qt.SortOrder.DescendingOrder),
    (RaidColumn.RESIDUAL, Qt.SortOrder.DescendingOrder),
    (RaidColumn.REF, Qt.SortOrder.AscendingOrder),
)
_FILTERS = (
    RaidFilter(text="risk 04"),
    RaidFilter(kind=RaidKind.RISK, band=RiskBand.HIGH),
    RaidFilter(statuses=OPEN_STATUSES, overdue_only=True),
    RaidFilter(statuses=frozenset({RaidStatus.CLOSED})),
    RaidFilter(),
)


def _copies(workspace: Workspace) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each item as a new row of the same kind, numbered after the last original of that kind."""
    items = list_records(workspace, EntityKind.RAID_ITEM)
    highest = {kind: max(i["number"] for i in items if i["kind"] == kind) for kind in {i["kind"] for i in items}}
    for record in items:
        row = {key: value for key, value in record.values.items() if key not in ("id", "created_at", "updated_at")}
        row.update(uuid=str(uuid.uuid4()), number=record["number"] + highest[record["kind"]])
        yield record.id, row


def double_the_log(workspace: Workspace) -> None:
    """Add a copy of every RAID item and of its score history (Core inserts, one transaction)."""
    copies = list(_copies(workspace))
    history = list_records(workspace, EntityKind.RAID_SCORE)
    with workspace.transaction() as connection:
        insert_rows(connection, {EntityKind.RAID_ITEM: [row for _, row in copies]}, [EntityKind.RAID_ITEM])
    new_ids = {
        (record["kind"], record["number"]): record.id for record in list_records(workspace, EntityKind.RAID_ITEM)
    }
    original = {source: new_ids[(row["kind"], row["number"])] for source, row in copies}
    scores = [
        {
            **{key: value for key, value in entry.values.items() if key not in ("id", "created_at", "updated_at")},
            "uuid": str(uuid.uuid4()),
            "raid_item_id": original[entry["raid_item_id"]],
        }
        for entry in history
    ]
    with workspace.transaction() as connection:
        insert_rows(connection, {EntityKind.RAID_SCORE: scores}, [EntityKind.RAID_SCORE])


def measure(large: Path, scratch: Path) -> list[Result]:
    app = QApplication.instance() or QApplication(["bench", "-platform", "offscreen"])
    target = scratch / "raid-2000.pmo"
    shutil.copyfile(large, target)
    workspace = Workspace.open(target)
    document = Document(workspace)
    try:
        double_the_log(workspace)
        results = _measure(document)
    finally:
        document.close()
    app.processEvents()
    return results


def _measure(document: Document) -> list[Result]:
    register = raid_register(document.workspace)
    read_ms = median_seconds(lambda: raid_register(document.workspace), 5) * 1000
    assert len(register.rows) == ITEMS, f"expected {ITEMS} RAID items, found {len(register.rows)}"
    model = RaidTableModel(document)
    proxy = RaidFilterProxyModel()
    proxy.setSourceModel(model)
    sorts, filters = cycle(_SORTS), cycle(_FILTERS)
    sort_ms = median_seconds(lambda: proxy.sort(*next(sorts)), _RUNS) * 1000
    filter_ms = median_seconds(lambda: proxy.set_filter(next(filters)), _RUNS) * 1000

    def pictures() -> None:
        rows = list(proxy.selected_rows())
        register_matrix(rows, ScoreBasis.RESIDUAL)
        register_top_risks(rows, 5)
        register_burndown(model.register, rows, ScoreBasis.RESIDUAL)

    proxy.set_filter(RaidFilter())
    pictures_ms = median_seconds(pictures, 5) * 1000
    return [
        Result("raid_filter_ms", max(sort_ms, filter_ms), "ms", 50),
        Result("raid_sort_ms", sort_ms, "ms"),
        Result("raid_only_filter_ms", filter_ms, "ms"),
        Result("raid_register_ms", read_ms, "ms"),
        Result("raid_pictures_ms", pictures_ms, "ms"),
    ]
