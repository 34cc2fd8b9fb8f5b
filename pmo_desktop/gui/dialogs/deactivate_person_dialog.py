"""Deactivating a person: they stay in the portfolio with their history, and their capacity ends on their
last working day; work still allocated to them after it shows as needing someone else."""

from datetime import date

from PySide6.QtWidgets import QDateEdit, QLabel, QWidget

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.commands.portfolio_commands import deactivate_person_command
from pmo_desktop.gui.dialogs.form_dialog import FormDialog
from pmo_desktop.gui.dialogs.form_fields import date_value, set_date
from pmo_desktop.gui.document import Document
from pmo_desktop.i18n import tr
from pmo_desktop.services.records import get_record, list_records


class DeactivatePersonDialog(FormDialog):
    """Ask for a person's last working day and deactivate them.

    Signals: only those of QDialog.
    """

    FORM = "deactivate_form"

    def __init__(
        self, document: Document, person_id: int, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(document, tr("Deactivate person"), parent)
        person = get_record(document.workspace, EntityKind.PERSON, person_id)
        self._person_id = person_id
        self._name = str(person["name"])
        allocations = len(list_records(document.workspace, EntityKind.ALLOCATION, person_id=person_id))
        self.field(QLabel, "explanation").setText(
            tr(
                "{name} stays in the portfolio with their {count} allocations, reports and history, and no longer "
                "counts as available after their last working day. Work still allocated to them after that day "
                "shows as over capacity until it is given to someone else.",
                name=self._name,
                count=allocations,
            )
        )
        self.last_day = self.field(QDateEdit, "lastDay")
        set_date(self.last_day, person["employment_end"] or today or date.today())

    def command(self) -> DocumentCommand | None:
        last_day = date_value(self.last_day)
        assert last_day is not None
        return deactivate_person_command(self.document, self._person_id, last_day, self._name)
