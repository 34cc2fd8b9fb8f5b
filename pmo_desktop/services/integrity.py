"""Turn what SQLite refuses into a sentence, for the rare case validation let a bad value through."""

from sqlalchemy.exc import IntegrityError

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.services.labels import field_label, kind_label


def explain_integrity_error(kind: EntityKind, error: IntegrityError) -> ValidationError:
    text = str(error.orig)
    label = kind_label(kind)
    if text.startswith("UNIQUE constraint failed:"):
        columns = [part.strip().split(".")[-1] for part in text.split(":", 1)[1].split(",")]
        fields = ", ".join(field_label(column) for column in columns)
        return ValidationError(tr("Another {kind} already has this {fields}.", kind=label, fields=fields))
    if text.startswith("CHECK constraint failed:"):
        rule = text.split(":", 1)[1].strip().removeprefix(f"ck_{kind.value}_").replace("_", " ")
        return ValidationError(tr("This {kind} breaks the rule '{rule}'.", kind=label, rule=rule))
    if text.startswith("FOREIGN KEY"):
        return ValidationError(tr("This {kind} refers to a record that no longer exists.", kind=label))
    if text.startswith("NOT NULL constraint failed:"):
        column = text.rsplit(".", maxsplit=1)[-1].strip()
        return ValidationError(tr("A {kind} needs a {field}.", kind=label, field=field_label(column)))
    return ValidationError(tr("This {kind} cannot be saved ({reason}).", kind=label, reason=text))
