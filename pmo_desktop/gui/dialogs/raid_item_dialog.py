"""The RAID item editor: the Designer form `ui/raid_item_dialog.ui` in a dialog, for a new item or an existing one.

Every field of DESIGN.md section 3 is on the form; each kind shows its own group (a risk its assessment
and response, an issue its severity and resolution, an assumption its validation, a decision its deadline,
outcome and decider), and the closure group appears once the status is Closed. Saving checks the values with
the services first and keeps the dialog open with the refusal shown inline, so nothing typed is lost; the
caller turns the accepted `draft` into one undoable command.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.domain.enums import EntityKind, Proximity, RaidKind, RaidStatus
from pmo_desktop.domain.errors import PmoError
from pmo_desktop.gui.dialogs.raid_item_fields import (
    OptionalDate,
    chosen,
    date_of,
    fill_choices,
    set_date,
    show_score,
)
from pmo_desktop.gui.dialogs.raid_task_links import TaskLinks
from pmo_desktop.gui.formatting import enum_words
from pmo_desktop.gui.models.raid_matrix_model import IMPACT_LABELS, PROBABILITY_LABELS
from pmo_desktop.gui.ui_loader import child, load_form
from pmo_desktop.i18n import tr
from pmo_desktop.risk import assess, human_id, proximity_label
from pmo_desktop.services.raid_operations import check_raid_item
from pmo_desktop.services.raid_queries import raid_categories
from pmo_desktop.services.records import get_record, list_records
from pmo_desktop.services.workspace import Workspace

_KIND_GROUPS = {
    RaidKind.RISK: "assessmentGroup",
    RaidKind.ISSUE: "issueGroup",
    RaidKind.ASSUMPTION: "assumptionGroup",
    RaidKind.DECISION: "decisionGroup",
}
_KIND_NAMES = {
    RaidKind.RISK: "risk",
    RaidKind.ASSUMPTION: "assumption",
    RaidKind.ISSUE: "issue",
    RaidKind.DECISION: "decision",
}
_THREAT_RESPONSES = ("avoid", "reduce", "transfer", "accept", "escalate")
_OPPORTUNITY_RESPONSES = ("exploit", "enhance", "share", "accept", "escalate")
_TEXTS = ("description", "actions", "resolution", "validation_result", "outcome", "closure_note")
_ERROR_STYLE = (
    "QLabel { background: #fdecea; color: #8a1c14; border: 1px solid #f5c2bd; border-radius: 4px; padding: 8px 10px; }"
)


@dataclass(frozen=True)
class RaidDraft:
    """What the user saved: the fields to write (all of them for a new item, the changed ones otherwise)
    and the task ids to link and unlink."""

    item_id: int | None
    values: Mapping[str, Any]
    link: tuple[int, ...]
    unlink: tuple[int, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.values or self.link or self.unlink)


def _new_item(kind: RaidKind, project_id: int | None, today: date) -> dict[str, Any]:
    return {"kind": kind.value, "status": RaidStatus.OPEN.value, "project_id": project_id, "raised_on": today}


class RaidItemDialog(QDialog):
    """Edits one RAID item; after `exec()` returns Accepted, `draft` holds what to save.

    Signals: only those of QDialog.
    """

    def __init__(
        self,
        workspace: Workspace,
        *,
        item_id: int | None = None,
        kind: RaidKind = RaidKind.RISK,
        project_id: int | None = None,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._item_id = item_id
        self._today = date.today()
        self._original: dict[str, Any] = (
            dict(get_record(workspace, EntityKind.RAID_ITEM, item_id).values)
            if item_id is not None
            else _new_item(kind, project_id, self._today)
        )
        self._kind = RaidKind(self._original["kind"])
        self._draft: RaidDraft | None = None
        self.form = load_form("raid_item_dialog", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.addWidget(self.form)
        self._find_widgets()
        self.links = TaskLinks(workspace, item_id, self.form)
        self._populate()
        self._connect()
        self._show_kind()
        self._show_status()
        self._show_scores()
        self._set_read_only(read_only)
        self.setWindowTitle(self._title())
        self.resize(1060, self.sizeHint().height())

    # -- results ----------------------------------------------------------------------------------------

    @property
    def draft(self) -> RaidDraft | None:
        """What to save, once the dialog was accepted."""
        return self._draft

    @property
    def error(self) -> str:
        """The refusal shown under the form, if any."""
        return self._error.text() if not self._error.isHidden() else ""

    def values(self) -> dict[str, Any]:
        """Every field of the form as the services store it."""
        status = chosen(self._status)
        values: dict[str, Any] = {
            "title": self._title_edit.text().strip(),
            "project_id": chosen(self._project),
            "owner_id": chosen(self._owner),
            "category": self._category.currentText().strip(),
            "status": status,
            "raised_on": date_of(self._raised),
            "review_on": self._review.value(),
            "due_on": self._due.value(),
            "probability": chosen(self._probability),
            "impact": chosen(self._impact),
            "residual_probability": chosen(self._residual_probability),
            "residual_impact": chosen(self._residual_impact),
            "opportunity": self._opportunity.isChecked(),
            "proximity": chosen(self._proximity),
            "response": chosen(self._response),
            "severity": chosen(self._severity),
            "validation_on": self._validation_on.value(),
            "needed_by": self._needed_by.value(),
            "decided_by_id": chosen(self._decided_by),
            "decided_on": self._decided_on.value(),
            "closed_on": date_of(self._closed_on) if status == RaidStatus.CLOSED.value else None,
        }
        values.update({field: self._texts[field].toPlainText().strip() for field in _TEXTS})
        return values

    def accept(self) -> None:
        """Save only if the services would accept the values; otherwise say why and stay open."""
        values = self.values()
        if self._item_id is None:
            changed = {"kind": self._kind.value, **values}
        else:
            changed = {field: value for field, value in values.items() if value != self._original.get(field)}
        try:
            check_raid_item(self._workspace, changed, self._item_id)
        except PmoError as error:
            self.show_error(str(error))
            return
        link, unlink = self.links.changes()
        self._draft = RaidDraft(self._item_id, changed, link, unlink)
        super().accept()

    def show_error(self, message: str) -> None:
        self._error.setText(message)
        self._error.setVisible(bool(message))

    # -- building ---------------------------------------------------------------------------------------

    def _find_widgets(self) -> None:
        form = self.form
        self._kind_combo = child(form, QComboBox, "kindCombo")
        self._title_edit = child(form, QLineEdit, "titleEdit")
        self._project = child(form, QComboBox, "projectCombo")
        self._owner = child(form, QComboBox, "ownerCombo")
        self._category = child(form, QComboBox, "categoryCombo")
        self._status = child(form, QComboBox, "statusCombo")
        self._raised = child(form, QDateEdit, "raisedDate")
        self._review = OptionalDate(child(form, QCheckBox, "reviewSet"), child(form, QDateEdit, "reviewDate"))
        self._due = OptionalDate(child(form, QCheckBox, "dueSet"), child(form, QDateEdit, "dueDate"))
        self._probability = child(form, QComboBox, "probabilityCombo")
        self._impact = child(form, QComboBox, "impactCombo")
        self._residual_probability = child(form, QComboBox, "residualProbabilityCombo")
        self._residual_impact = child(form, QComboBox, "residualImpactCombo")
        self._inherent_chip = child(form, QLabel, "inherentScoreLabel")
        self._residual_chip = child(form, QLabel, "residualScoreLabel")
        self._opportunity = child(form, QCheckBox, "opportunityCheck")
        self._proximity = child(form, QComboBox, "proximityCombo")
        self._response = child(form, QComboBox, "responseCombo")
        self._severity = child(form, QComboBox, "severityCombo")
        self._validation_on = OptionalDate(
            child(form, QCheckBox, "validationSet"), child(form, QDateEdit, "validationDate")
        )
        self._needed_by = OptionalDate(child(form, QCheckBox, "neededBySet"), child(form, QDateEdit, "neededByDate"))
        self._decided_by = child(form, QComboBox, "decidedByCombo")
        self._decided_on = OptionalDate(child(form, QCheckBox, "decidedOnSet"), child(form, QDateEdit, "decidedOnDate"))
        self._closed_on = child(form, QDateEdit, "closedOnDate")
        self._closure = child(form, QGroupBox, "closureGroup")
        self._error = child(form, QLabel, "errorLabel")
        self._error.setStyleSheet(_ERROR_STYLE)
        self._error.hide()
        self._buttons = child(form, QDialogButtonBox, "buttonBox")
        names = {"description": "descriptionEdit", "actions": "actionsEdit", "resolution": "resolutionEdit"}
        names |= {"validation_result": "validationResultEdit", "outcome": "outcomeEdit"}
        names |= {"closure_note": "closureNoteEdit"}
        self._texts = {field: child(form, QPlainTextEdit, name) for field, name in names.items()}

    def _populate(self) -> None:
        record = self._original
        fill_choices(
            self._kind_combo, [(kind.value, tr(_KIND_NAMES[kind]).capitalize()) for kind in RaidKind], record["kind"]
        )
        self._title_edit.setText(record.get("title") or "")
        projects = sorted(list_records(self._workspace, EntityKind.PROJECT), key=lambda p: str(p["code"]).casefold())
        portfolio = [(None, tr("Portfolio (no project)"))]
        fill_choices(
            self._project,
            portfolio + [(p.id, f"{p['code']} · {p['name']}") for p in projects],
            record.get("project_id"),
        )
        self._fill_people(record)
        self._category.addItems(list(raid_categories(self._workspace)))
        self._category.setCurrentText(record.get("category") or "")
        fill_choices(self._status, [(status.value, enum_words(status)) for status in RaidStatus], record["status"])
        set_date(self._raised, record.get("raised_on") or self._today)
        self._review.set_value(record.get("review_on"), self._today)
        self._due.set_value(record.get("due_on"), self._today)
        self._fill_scale(self._probability, PROBABILITY_LABELS, record.get("probability"))
        self._fill_scale(self._impact, IMPACT_LABELS, record.get("impact"))
        # An empty residual field means the response leaves that part as it was (see RiskAssessment.of).
        unchanged = tr("Unchanged")
        self._fill_scale(self._residual_probability, PROBABILITY_LABELS, record.get("residual_probability"), unchanged)
        self._fill_scale(self._residual_impact, IMPACT_LABELS, record.get("residual_impact"), unchanged)
        self._fill_scale(self._severity, IMPACT_LABELS, record.get("severity"), tr("Not set"))
        self._opportunity.setChecked(bool(record.get("opportunity")))
        proximities = [(None, tr("Not set"))] + [(p.value, proximity_label(p)) for p in Proximity]
        fill_choices(self._proximity, proximities, record.get("proximity"))
        self._fill_responses(record.get("response"))
        self._validation_on.set_value(record.get("validation_on"), self._today)
        self._needed_by.set_value(record.get("needed_by"), self._today)
        self._decided_on.set_value(record.get("decided_on"), self._today)
        set_date(self._closed_on, record.get("closed_on") or self._today)
        for field, edit in self._texts.items():
            edit.setPlainText(record.get(field) or "")
        self.links.set_project(record.get("project_id"))

    def _fill_people(self, record: Mapping[str, Any]) -> None:
        people = sorted(list_records(self._workspace, EntityKind.PERSON), key=lambda p: str(p["name"]).casefold())
        current = {record.get("owner_id"), record.get("decided_by_id")}
        # People who have left are offered only where they already hold the role.
        offered = [(p.id, str(p["name"])) for p in people if p["active"] or p.id in current]
        fill_choices(self._owner, [(None, tr("No owner yet")), *offered], record.get("owner_id"))
        fill_choices(self._decided_by, [(None, tr("Not decided yet")), *offered], record.get("decided_by_id"))

    @staticmethod
    def _fill_scale(combo: QComboBox, labels: Mapping[int, str], current: int | None, empty: str = "") -> None:
        choices = [(None, empty or tr("Not assessed"))] + [(n, f"{n} · {tr(labels[n])}") for n in sorted(labels)]
        fill_choices(combo, choices, current)

    def _fill_responses(self, current: str | None) -> None:
        values = _OPPORTUNITY_RESPONSES if self._opportunity.isChecked() else _THREAT_RESPONSES
        fill_choices(self._response, [(None, tr("Not chosen yet"))] + [(v, enum_words(v)) for v in values], current)

    def _connect(self) -> None:
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._status.currentIndexChanged.connect(self._show_status)
        self._kind_combo.currentIndexChanged.connect(self._on_kind_chosen)
        self._project.currentIndexChanged.connect(lambda _index: self.links.set_project(chosen(self._project)))
        self._opportunity.toggled.connect(lambda _checked: self._fill_responses(chosen(self._response)))
        for combo in (self._probability, self._impact, self._residual_probability, self._residual_impact):
            combo.currentIndexChanged.connect(self._show_scores)

    # -- showing ----------------------------------------------------------------------------------------

    def _show_kind(self) -> None:
        for kind, name in _KIND_GROUPS.items():
            child(self.form, QGroupBox, name).setVisible(kind is self._kind)
        # The kind is part of an item's identity (R-014 stays a risk); only a new item may still change it.
        self._kind_combo.setEnabled(self._item_id is None)

    def _on_kind_chosen(self) -> None:
        self._kind = RaidKind(chosen(self._kind_combo))
        self._show_kind()
        self.setWindowTitle(self._title())

    def _show_status(self) -> None:
        self._closure.setVisible(chosen(self._status) == RaidStatus.CLOSED.value)

    def _show_scores(self) -> None:
        try:
            assessment = assess(
                chosen(self._probability),
                chosen(self._impact),
                chosen(self._residual_probability),
                chosen(self._residual_impact),
            )
        except PmoError:
            assessment = None
        show_score(self._inherent_chip, None if assessment is None else assessment.inherent, tr("Not scored"))
        residual = None if assessment is None else assessment.residual
        show_score(self._residual_chip, residual, tr("As before"))

    def _set_read_only(self, read_only: bool) -> None:
        if not read_only:
            return
        for widget in self.form.findChildren(QWidget):
            if isinstance(widget, (QLineEdit, QComboBox, QDateEdit, QCheckBox)):
                widget.setEnabled(False)
            elif isinstance(widget, QPlainTextEdit):
                widget.setReadOnly(True)
        self.links.set_read_only(True)
        self._buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def _title(self) -> str:
        if self._item_id is None:
            return tr("New {kind}", kind=tr(_KIND_NAMES[self._kind]))
        reference = human_id(self._kind, int(self._original["number"]))
        return f"{reference} · {self._original['title']}"
