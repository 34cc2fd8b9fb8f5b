"""What the heatmap paints, computed for the whole grid at once whenever the grid or a display option changes.

`HeatmapPaint` holds per-cell shade codes, the hatch over tentative load, the numbers to write and the
time-off marks as numpy arrays, so painting a screenful of cells only looks values up. The display options
live here too: numbers as percent or hours, and tentative load included, hidden or hatched.
"""

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from pmo_desktop.gui.models import heatmap_colours as shades
from pmo_desktop.gui.models.heatmap_text import INFINITE, hours_text
from pmo_desktop.services.capacity_queries import HeatmapGrid, RowKind

Codes = npt.NDArray[np.uint8]
NO_HATCH = 255


class NumberMode(StrEnum):
    PERCENT = "percent"
    HOURS = "hours"


class TentativeMode(StrEnum):
    INCLUDE = "include"
    HIDE = "hide"
    HATCH = "hatch"


@dataclass(frozen=True, eq=False)
class HeatmapPaint:
    """Per cell (rows x buckets): the shade, the hatch shade (NO_HATCH for none), the number's text key and
    whether the person has time off; per row, whether it is a group total, a person or unfilled demand.

    `numbers` holds whole percents or tenths of hours (`number_text` says what the cell writes); cells with
    nothing to write have -1, load without capacity -2. `time_off` is the share (0 to 1) of the bucket's
    working days the person is away.
    """

    shades: Codes
    hatch: Codes
    numbers: npt.NDArray[np.int64]
    time_off: npt.NDArray[np.float64]
    kinds: tuple[RowKind, ...]
    mode: NumberMode

    def text(self, row: int, bucket: int) -> str:
        return number_text(int(self.numbers[row, bucket]), self.mode, self.kinds[row])


def number_text(value: int, mode: NumberMode, kind: RowKind) -> str:
    """What a cell writes for its `numbers` entry."""
    if value == -1:
        return ""
    if value == -2:
        return INFINITE
    if mode is NumberMode.HOURS or kind is RowKind.UNFILLED:
        return hours_text(value / 10)
    return f"{value}%"


def build_paint(grid: HeatmapGrid, numbers: NumberMode, tentative: TentativeMode) -> HeatmapPaint:
    """Shades, hatching, numbers and time-off marks of every cell of `grid` under the display options."""
    kinds = tuple(row.kind for row in grid.rows)
    unfilled = np.array([kind is RowKind.UNFILLED for kind in kinds], dtype=bool)
    counted = tentative is not TentativeMode.HIDE  # what the number says
    coloured = tentative is TentativeMode.INCLUDE  # what the colour says: hatching shows tentative apart
    load, ratio = grid.load(counted), grid.utilisation(counted)
    codes = shades.shade_codes(grid.utilisation(coloured), grid.bands(coloured), grid.load(coloured), grid.capacity)
    codes[unfilled] = shades.unfilled_codes(load[unfilled])
    hatch = np.full(codes.shape, NO_HATCH, dtype=np.uint8)
    if tentative is TentativeMode.HATCH:
        total = shades.shade_codes(ratio, grid.bands(True), load, grid.capacity)
        total[unfilled] = shades.UNFILLED
        marked = grid.tentative > 0
        hatch[marked] = total[marked]
    values = _numbers(ratio, load, grid.capacity, numbers, unfilled)
    time_off = np.clip(grid.time_off_days / np.maximum(grid.working_days, 1.0), 0.0, 1.0)
    return HeatmapPaint(codes, hatch, values, time_off, kinds, numbers)


def _numbers(
    ratio: npt.NDArray[np.float64],
    load: npt.NDArray[np.float64],
    capacity: npt.NDArray[np.float64],
    mode: NumberMode,
    unfilled: npt.NDArray[np.bool_],
) -> npt.NDArray[np.int64]:
    tenths = np.rint(load * 10).astype(np.int64)
    if mode is NumberMode.HOURS:
        values = tenths.copy()
    else:
        values = np.rint(np.where(np.isfinite(ratio), ratio, 0.0) * 100).astype(np.int64)
        values[unfilled] = tenths[unfilled]
        values[(capacity <= 0) & (load > 0) & ~unfilled[:, None]] = -2
    values[(capacity <= 0) & (load <= 0)] = -1
    values[unfilled[:, None] & (load <= 0)] = -1
    return values
