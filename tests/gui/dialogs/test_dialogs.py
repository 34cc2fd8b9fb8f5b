"""The questions: their wording, their answers, and what closing a box without a button means."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from pmo_desktop.domain.errors import FileLockedError
from pmo_desktop.gui.dialogs.lock_dialog import ask_locked_file, lock_sentence
from pmo_desktop.gui.dialogs.message_box import Button, Choice, Icon, ask
from pmo_desktop.gui.dialogs.prompts import ConflictChoice, UnsavedChoice, ask_changed_on_disk, ask_unsaved_changes
from pmo_desktop.gui.dialogs.recovery_dialog import RecoveryChoice, ask_recovery
from pmo_desktop.services.workspace import OpenMode, RecoveryCandidate
from tests.gui.conftest import MessageBoxAnswers

LOCKED = FileLockedError("locked", "alice", "pmo-laptop-7", "2026-02-03T09:14:00+00:00")


def test_the_lock_sentence_names_who_where_and_since_when() -> None:
    local = datetime(2026, 2, 3, 9, 14, tzinfo=UTC).astimezone()
    sentence = lock_sentence(Path("/shared/Plan.pmo"), LOCKED)
    assert sentence == f"'Plan.pmo' is open by alice on pmo-laptop-7 since 3 Feb 2026 {local:%H:%M}."


@pytest.mark.parametrize(
    ("answer", "mode"),
    [("Open Read-Only", OpenMode.READ_ONLY), ("Open a Copy", OpenMode.COPY), (Button.Cancel, None)],
)
def test_the_lock_question_answers_an_open_mode(
    answers: MessageBoxAnswers, answer: Button | str, mode: OpenMode | None
) -> None:
    answers.answer(answer)
    assert ask_locked_file(None, Path("Plan.pmo"), LOCKED) is mode


def test_unsaved_changes_offers_save_discard_cancel(answers: MessageBoxAnswers) -> None:
    answers.answer(Button.Discard)
    assert ask_unsaved_changes(None, "Plan.pmo") is UnsavedChoice.DISCARD
    assert answers.shown[-1].text == "Save the changes to 'Plan.pmo' before closing?"


def test_a_conflict_offers_save_as_overwrite_cancel(answers: MessageBoxAnswers) -> None:
    answers.answer("Overwrite")
    assert ask_changed_on_disk(None, "'Plan.pmo' was changed on disk.") is ConflictChoice.OVERWRITE


def test_recovery_offers_recover_discard_later(answers: MessageBoxAnswers) -> None:
    candidate = RecoveryCandidate("abc", "Plan.pmo", "/shared/Plan.pmo", "2026-02-03T09:14:00+00:00")
    answers.answer("Discard")
    assert ask_recovery(None, candidate) is RecoveryChoice.DISCARD
    assert answers.shown[-1].text.startswith("PMO Desktop closed unexpectedly while 'Plan.pmo' had unsaved")


def test_closing_a_box_without_a_button_gives_the_escape_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    choices = [Choice(Button.Yes, "yes"), Choice(Button.No, "no")]
    assert ask(None, Icon.Question, "Title", "Question?", choices, escape="escaped") == "escaped"
