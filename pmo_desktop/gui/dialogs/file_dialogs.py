"""Choosing a portfolio file to open, or a place to save one (`.pmo` is added when the name lacks it)."""

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from pmo_desktop.i18n import tr

SUFFIX = ".pmo"


def _filter() -> str:
    return tr("PMO portfolios (*.pmo);;All files (*)")


def ask_open_path(parent: QWidget | None, folder: Path | None = None) -> Path | None:
    """The file the user picked, or None if they cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(parent, tr("Open Portfolio"), str(folder or ""), _filter())
    return Path(chosen) if chosen else None


def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to save, or None if they cancelled. The default suffix makes the dialog itself ask before
    replacing "x.pmo" when the user typed "x"."""
    dialog = QFileDialog(parent, tr("Save Portfolio As"), str(suggested.parent), _filter())
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(SUFFIX.lstrip("."))
    dialog.selectFile(suggested.name)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
