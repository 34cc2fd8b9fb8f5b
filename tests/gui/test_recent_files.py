"""RecentFiles: newest first, at most eight, no duplicates, and a single entry survives the INI round trip."""

from pathlib import Path

from PySide6.QtCore import QSettings

from pmo_desktop.gui.recent_files import MAX_RECENT, RecentFiles


def test_newest_first_without_duplicates_and_at_most_eight(tmp_path: Path) -> None:
    recent = RecentFiles(QSettings())
    paths = [tmp_path / f"plan {number}.pmo" for number in range(10)]
    for path in paths:
        recent.add(path)
    recent.add(paths[5])
    assert len(recent.paths()) == MAX_RECENT
    assert recent.paths()[:2] == [paths[5], paths[9]]


def test_one_entry_reads_back_as_a_list(tmp_path: Path) -> None:
    RecentFiles(QSettings()).add(tmp_path / "only.pmo")
    assert RecentFiles(QSettings()).paths() == [tmp_path / "only.pmo"]


def test_the_most_recent_existing_file_skips_missing_ones(tmp_path: Path) -> None:
    recent = RecentFiles(QSettings())
    kept = tmp_path / "kept.pmo"
    kept.write_bytes(b"")
    recent.add(kept)
    recent.add(tmp_path / "gone.pmo")
    assert recent.most_recent_existing() == kept
    recent.remove(kept)
    assert recent.most_recent_existing() is None
