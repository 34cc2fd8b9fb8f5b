"""`pmo-desktop boardpack`: a pack from the shell, the file left untouched and unlocked, the same bytes twice,
and every mistake answered in one line with a non-zero exit."""

from pathlib import Path

import pytest

from tests.core.cli_runner import pmo
from tests.core.reporting.conftest import Pdf

AS_OF = "2026-11-27"


def test_a_pack_from_the_shell_leaves_the_portfolio_as_it_was(demo_path: Path, tmp_path: Path) -> None:
    before = demo_path.read_bytes()
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    arguments = ("--as-of", AS_OF, "--period", "FY2027-Q3", "--sections", "summary,risks,cover")
    result = pmo("boardpack", demo_path, "-o", first, *arguments)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote the FY2027 Q3 board pack of 'Kestrel.pmo' (5 pages) to {first}"
    assert pmo("boardpack", demo_path, "-o", second, *arguments).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    assert demo_path.read_bytes() == before
    assert sorted(path.name for path in demo_path.parent.iterdir()) == ["Kestrel.pmo"]
    pdf = Pdf.of(first.read_bytes())
    assert [title for title, _, _ in pdf.outline()] == ["Cover", "Contents", "Summary", "Risks"]


def test_letter_paper_and_a_classification(demo_path: Path, tmp_path: Path) -> None:
    output = tmp_path / "pack.pdf"
    result = pmo("boardpack", demo_path, "-o", output, "--as-of", AS_OF, "--sections", "summary", "--paper", "letter",
                 "--classification", "Board <only>")  # fmt: skip
    assert result.returncode == 0, result.stderr
    pdf = Pdf.of(output.read_bytes())
    assert round(float(pdf.reader.pages[0].mediabox.width)) == 792
    assert "BOARD <ONLY>" in pdf.pages[0]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--period", "2026-Q9"), "'2026-Q9' is not a quarter"),
        (("--period", "FY2028-Q1"), "FY2028 Q1 has not begun yet"),
        (("--sections", "summary,gantt"), "There is no section 'gantt'"),
        (("--sections", ","), "Name at least one section."),
        (("--paper", "a3"), "invalid choice: 'a3'"),
        (("--as-of", "yesterday"), "'yesterday' is not a date"),
    ],
)
def test_mistakes_are_one_line_and_a_non_zero_exit(
    demo_path: Path, tmp_path: Path, arguments: tuple[str, ...], message: str
) -> None:
    output = tmp_path / "pack.pdf"
    result = pmo("boardpack", demo_path, "-o", output, "--as-of", AS_OF, *arguments)
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert not output.exists()


def test_file_problems_are_one_line(demo_path: Path, tmp_path: Path) -> None:
    missing = pmo("boardpack", tmp_path / "nope.pmo", "-o", tmp_path / "x.pdf")
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    over_itself = pmo("boardpack", demo_path, "-o", demo_path)
    assert over_itself.returncode == 1 and "would replace the portfolio" in over_itself.stderr
    no_folder = pmo("boardpack", demo_path, "-o", tmp_path / "missing" / "x.pdf", "--as-of", AS_OF)
    assert no_folder.returncode == 1 and no_folder.stderr.count("\n") == 1
    no_output = pmo("boardpack", demo_path)
    assert no_output.returncode == 2 and "-o/--output" in no_output.stderr
