"""Write a board pack: open the portfolio read-only, read the pack's data, lay it out, write the PDF.

The portfolio file is opened with `OpenMode.READ_ONLY`: the app reads a private copy, takes no lock and
never writes to the file. The PDF is written beside its target under a temporary name and renamed over it
once complete, so a failed or cancelled export leaves no half-written file (and an older pack of the same
name stays whole until the new one is ready).
"""

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pmo_desktop.domain.errors import PmoError
from pmo_desktop.i18n import tr
from pmo_desktop.reporting.options import PackOptions
from pmo_desktop.reporting.pack_data import gather
from pmo_desktop.reporting.renderer import BoardPackRenderer, Cancelled, ExportCancelledError
from pmo_desktop.services.workspace import OpenMode, Workspace

__all__ = ["ExportCancelledError", "PackResult", "export_board_pack", "render_board_pack"]

READING_SHARE = 0.3
"""The part of the progress bar that reading the portfolio takes; laying out takes the rest."""

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class PackResult:
    """A finished pack: its bytes, how many pages it has and the quarter it reports on ("FY2027 Q3")."""

    pdf: bytes
    pages: int
    period: str


def render_board_pack(
    workspace: Workspace,
    options: PackOptions,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> PackResult:
    """The pack of an open workspace as PDF bytes; raises `ValidationError` for a bad period."""

    def reading(share: float, text: str) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelledError
        if progress is not None:
            progress(READING_SHARE * share, text or tr("Reading the portfolio"))

    def laying_out(share: float, text: str) -> None:
        if progress is not None:
            progress(READING_SHARE + (1 - READING_SHARE) * share, text)

    data = gather(workspace, options, reading)
    renderer = BoardPackRenderer(data, options.paper, progress=laying_out, cancelled=cancelled)
    pdf = renderer.render()
    return PackResult(pdf, renderer.page_count, data.period.label)


def export_board_pack(
    source: Path,
    output: Path,
    options: PackOptions,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> PackResult:
    """Write the pack of the portfolio file `source` to `output`; raises `PmoError` with one sentence."""
    workspace = Workspace.open(source, OpenMode.READ_ONLY)
    try:
        result = render_board_pack(workspace, options, progress=progress, cancelled=cancelled)
    finally:
        workspace.close()
    write_atomically(output, result.pdf)
    return result


def write_atomically(output: Path, content: bytes) -> None:
    """Write `content` to a temporary file beside `output`, then rename it over `output`."""
    folder = output.resolve().parent
    if output.is_dir():
        raise PmoError(tr("'{name}' is a folder; choose a file name for the board pack.", name=output.name))
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise PmoError(
            tr("Cannot write the board pack in '{folder}': {reason}.", folder=folder, reason=_reason(error))
        ) from None
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, output)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise PmoError(tr("Cannot write '{name}': {reason}.", name=output.name, reason=_reason(error))) from None


def _reason(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else str(error)
