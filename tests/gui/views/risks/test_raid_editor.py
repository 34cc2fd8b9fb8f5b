"""The RAID item editor: each kind's own fields, inline validation, score chips, choices and task links."""

from datetime import date

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import RaidKind
from pmo_desktop.gui.dialogs.raid_item_dialog import RaidItemDialog
from pmo_desktop.gui.dialogs.raid_item_fields import select_value
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.ui_loader import child
from pmo_desktop.risk import RiskBand
from tests.gui.portfolios import Ids
from tests.gui.views.risks.conftest import Log

GROUPS = ("assessmentGroup", "issueGroup", "assumptionGroup", "decisionGroup")


def editor(qtbot: QtBot, document: Document, **options: object) -> RaidItemDialog:
    dialog = RaidItemDialog(document.workspace, **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def visible_groups(dialog: RaidItemDialog) -> list[str]:
    names = (*GROUPS, "closureGroup", "linksGroup")
    return [name for name in names if child(dialog.form, QGroupBox, name).isVisibleTo(dialog)]


def combo(dialog: RaidItemDialog, name: str) -> QComboBox:
    return child(dialog.form, QComboBox, name)


def save(dialog: RaidItemDialog) -> None:
    child(dialog.form, QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Save).click()


@pytest.mark.parametrize(
    ("item", "group"),
    [
        ("vendor", "assessmentGroup"),
        ("printer", "issueGroup"),
        ("budget", "assumptionGroup"),
        ("region", "decisionGroup"),
    ],
)
def test_each_kind_shows_its_own_fields(qtbot: QtBot, document: Document, log: Log, item: str, group: str) -> None:
    dialog = editor(qtbot, document, item_id=getattr(log, item))
    assert visible_groups(dialog) == [group, "linksGroup"]
    assert not combo(dialog, "kindCombo").isEnabled()  # an item keeps its kind (and its R-/I-/A-/D- id)


def test_the_closure_group_appears_when_closing(qtbot: QtBot, document: Document, log: Log) -> None:
    dialog = editor(qtbot, document, item_id=log.vendor)
    select_value(combo(dialog, "statusCombo"), "closed")
    assert "closureGroup" in visible_groups(dialog)
    closed = editor(qtbot, document, item_id=log.typo)
    assert "closureGroup" in visible_groups(closed)
    assert child(closed.form, QPlainTextEdit, "closureNoteEdit").toPlainText() == "Reprinted."


def test_closing_without_a_note_is_refused_inline_and_nothing_is_lost(
    qtbot: QtBot, document: Document, log: Log
) -> None:
    dialog = editor(qtbot, document, item_id=log.vendor)
    select_value(combo(dialog, "statusCombo"), "closed")
    save(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.draft is None
    assert dialog.error == "Closing 'Vendor API late' needs a closure note saying why."
    child(dialog.form, QPlainTextEdit, "closureNoteEdit").setPlainText("Vendor delivered the API.")
    save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.draft is not None
    assert dict(dialog.draft.values) == {
        "status": "closed",
        "closure_note": "Vendor delivered the API.",
        "closed_on": date.today(),
    }


def test_a_new_item_may_still_change_its_kind(qtbot: QtBot, document: Document, log: Log) -> None:
    dialog = editor(qtbot, document, kind=RaidKind.RISK)
    kind = combo(dialog, "kindCombo")
    assert kind.isEnabled()
    select_value(kind, "decision")
    assert (dialog.windowTitle(), visible_groups(dialog)) == ("New decision", ["decisionGroup", "linksGroup"])
    child(dialog.form, QLineEdit, "titleEdit").setText("Pick a supplier")
    save(dialog)
    assert dialog.draft is not None and dialog.draft.values["kind"] == "decision"


def test_a_new_risk_needs_a_title_and_a_score(qtbot: QtBot, document: Document, log: Log) -> None:
    dialog = editor(qtbot, document, kind=RaidKind.RISK)
    assert dialog.windowTitle() == "New risk"
    save(dialog)
    assert dialog.error == "A RAID item needs a title."
    child(dialog.form, QLineEdit, "titleEdit").setText("Strike at the port")
    save(dialog)
    assert dialog.error == "A risk needs a probability and an impact (1 to 5)."
    select_value(combo(dialog, "probabilityCombo"), 4)
    select_value(combo(dialog, "impactCombo"), 5)
    save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.draft is not None
    assert {key: dialog.draft.values[key] for key in ("kind", "title", "probability", "impact", "owner_id")} == {
        "kind": "risk",
        "title": "Strike at the port",
        "probability": 4,
        "impact": 5,
        "owner_id": None,
    }


def test_score_chips_show_the_band_as_the_user_scores(qtbot: QtBot, document: Document, log: Log) -> None:
    dialog = editor(qtbot, document, item_id=log.vendor)
    inherent = child(dialog.form, QLabel, "inherentScoreLabel")
    residual = child(dialog.form, QLabel, "residualScoreLabel")
    assert (inherent.text(), residual.text()) == ("12 · High", "As before")
    select_value(combo(dialog, "probabilityCombo"), 5)
    select_value(combo(dialog, "impactCombo"), 5)
    assert inherent.text() == "25 · Critical"
    assert RiskBand.CRITICAL.colour in inherent.styleSheet()
    select_value(combo(dialog, "residualProbabilityCombo"), 1)
    assert residual.text() == "5 · Medium"  # 1 x 5: the residual impact stays the inherent one


def test_owners_are_people_of_the_portfolio_and_responses_suit_the_threat(
    qtbot: QtBot, document: Document, ids: Ids, log: Log
) -> None:
    dialog = editor(qtbot, document, item_id=log.vendor)
    owners = combo(dialog, "ownerCombo")
    assert [owners.itemData(n) for n in range(owners.count())] == [None, ids.alice, ids.bob]
    assert owners.currentData() == ids.bob
    responses = combo(dialog, "responseCombo")
    assert [responses.itemText(n) for n in range(responses.count())][1:] == [
        "Avoid", "Reduce", "Transfer", "Accept", "Escalate"
    ]  # fmt: skip
    child(dialog.form, QCheckBox, "opportunityCheck").setChecked(True)
    assert [responses.itemText(n) for n in range(responses.count())][1:] == [
        "Exploit", "Enhance", "Share", "Accept", "Escalate"
    ]  # fmt: skip


def test_links_are_staged_and_saved_with_the_item(qtbot: QtBot, document: Document, ids: Ids, log: Log) -> None:
    dialog = editor(qtbot, document, item_id=log.vendor)
    picker = combo(dialog, "taskPicker")
    assert {picker.itemData(n) for n in range(picker.count())} == {ids.design, ids.build, ids.launch}
    picker.setCurrentIndex(picker.findData(ids.launch))
    child(dialog.form, QPushButton, "addTaskButton").click()
    assert [task.id for task in dialog.links.linked] == [ids.launch]
    assert picker.findData(ids.launch) == -1
    child(dialog.form, QLineEdit, "titleEdit").setText("Vendor API very late")
    save(dialog)
    assert dialog.draft is not None
    assert (dict(dialog.draft.values), dialog.draft.link, dialog.draft.unlink) == (
        {"title": "Vendor API very late"},
        (ids.launch,),
        (),
    )


def test_a_read_only_editor_only_closes(qtbot: QtBot, document: Document, log: Log) -> None:
    dialog = editor(qtbot, document, item_id=log.vendor, read_only=True)
    buttons = child(dialog.form, QDialogButtonBox, "buttonBox")
    assert buttons.button(QDialogButtonBox.StandardButton.Save) is None
    assert not child(dialog.form, QLineEdit, "titleEdit").isEnabled()
