"""One way to ask a question with a QMessageBox and get an answer back as a plain value.

Every prompt of the app goes through `ask`, which calls `QMessageBox.exec` from Python; tests answer a
prompt by replacing that one method, and the static QMessageBox helpers (which run in C++) are never used.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

T = TypeVar("T")

Icon = QMessageBox.Icon
Button = QMessageBox.StandardButton
ButtonRole = QMessageBox.ButtonRole


@dataclass(frozen=True)
class Choice(Generic[T]):
    """A button: a standard one, or a label with its role; `value` is what `ask` returns when it is clicked."""

    button: Button | str
    value: T
    role: ButtonRole = ButtonRole.AcceptRole


def ask(
    parent: QWidget | None,
    icon: Icon,
    title: str,
    text: str,
    choices: Sequence[Choice[T]],
    *,
    escape: T,
    informative: str = "",
    details: str = "",
    pixmap: QPixmap | None = None,
) -> T:
    """Show the question; the first choice is the default button, `escape` the answer to Esc or closing."""
    box = QMessageBox(icon, title, text, Button.NoButton, parent)
    box.setInformativeText(informative)
    box.setDetailedText(details)
    if pixmap is not None:
        box.setIconPixmap(pixmap)
    answers: list[tuple[QPushButton, T]] = []
    for choice in choices:
        if isinstance(choice.button, str):
            button = box.addButton(choice.button, choice.role)
        else:
            button = box.addButton(choice.button)
        answers.append((button, choice.value))
    if answers:
        box.setDefaultButton(answers[0][0])
    box.exec()
    clicked = box.clickedButton()
    return next((value for button, value in answers if button is clicked), escape)


def tell(
    parent: QWidget | None,
    icon: Icon,
    title: str,
    text: str,
    *,
    informative: str = "",
    details: str = "",
    pixmap: QPixmap | None = None,
) -> None:
    """Show a message with an OK button."""
    ok: list[Choice[None]] = [Choice(Button.Ok, None)]
    ask(parent, icon, title, text, ok, escape=None, informative=informative, details=details, pixmap=pixmap)
