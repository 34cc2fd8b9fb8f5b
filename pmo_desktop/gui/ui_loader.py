"""Qt Designer forms (`ui/*.ui`) loaded at runtime with `QUiLoader`: the one place that finds and reads them.

A form is a plain widget (never a QDialog): the dialog class that owns it builds its own window, puts the
loaded form in its layout and finds the form's widgets by object name with `child`. Forms live in `ui/` of a
checkout, or under `<prefix>/share/pmo-desktop/ui` once installed, like `resources/`. The texts a form
carries (labels, buttons, titles, placeholders, tooltips) pass through `tr` once loaded, like every other
user-visible string.
"""

import sys
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from pmo_desktop.i18n import tr

_CHECKOUT = Path(__file__).resolve().parent.parent.parent / "ui"
_INSTALLED = Path(sys.prefix) / "share" / "pmo-desktop" / "ui"

W = TypeVar("W", bound=QObject)


def forms_root() -> Path:
    """The folder of Designer forms: the checkout's when running from source, else the installed copy."""
    return _CHECKOUT if _CHECKOUT.is_dir() else _INSTALLED


def form_path(name: str) -> Path:
    """The path of the form `name` ("project_form" or "project_form.ui")."""
    file_name = name if name.endswith(".ui") else f"{name}.ui"
    return forms_root() / file_name


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """A new widget built from the form `name`, as a child of `parent`; raises OSError if it cannot be read."""
    path = form_path(name)
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise OSError(f"cannot read the form {path}: {file.errorString()}")
    try:
        loader = QUiLoader()
        widget = loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise OSError(f"cannot build the form {path}: {loader.errorString()}")
    _translate(widget)
    return widget


def _translate(form: QWidget) -> None:
    """Pass the form's own texts through `tr` (rich text and empty strings are left alone)."""
    for widget in [form, *form.findChildren(QWidget)]:
        if widget.toolTip():
            widget.setToolTip(tr(widget.toolTip()))
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            widget.setText(tr(widget.text()))
        elif isinstance(widget, QGroupBox) and widget.title():
            widget.setTitle(tr(widget.title()))
        if isinstance(widget, QLineEdit | QPlainTextEdit) and widget.placeholderText():
            widget.setPlaceholderText(tr(widget.placeholderText()))


def child(form: QWidget, kind: type[W], name: str) -> W:
    """The widget of type `kind` called `name` in `form`; a missing one is a bug in the form, so it raises."""
    found = form.findChild(kind, name)
    if found is None:
        raise LookupError(f"the form {form.objectName()!r} has no {kind.__name__} named {name!r}")
    return found
