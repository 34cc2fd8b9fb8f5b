"""Sizes of the heatmap and the mapping between pixels and cells.

Cells are whole pixels wide and high so that the background image, scaled without smoothing, lands each
cell exactly on its rectangle. Widths follow the granularity (a month gets room for "37.5" and "180%").
"""

from dataclasses import dataclass

from PySide6.QtCore import QRect

from pmo_desktop.services.capacity_queries import Granularity

WEEK_WIDTH = 46
MONTH_WIDTH = 74
MIN_WIDTH, MAX_WIDTH = 14, 120


@dataclass
class HeatmapGeometry:
    """Cell and header sizes in pixels, and the scroll position of the cell area."""

    cell_width: int = WEEK_WIDTH
    row_height: int = 24
    header_height: int = 52
    name_width: int = 178
    detail_width: int = 124
    hours_width: int = 66
    scroll_x: int = 0
    scroll_y: int = 0

    @property
    def row_header_width(self) -> int:
        return self.name_width + self.detail_width + self.hours_width

    def default_width(self, granularity: Granularity) -> int:
        return WEEK_WIDTH if granularity is Granularity.WEEK else MONTH_WIDTH

    def visible(self, width: int, height: int, rows: int, buckets: int) -> tuple[range, range]:
        """Rows and buckets at least partly inside a viewport of `width` x `height`."""
        first_row = self.scroll_y // self.row_height
        last_row = min(rows, (self.scroll_y + height + self.row_height - 1) // self.row_height)
        first_bucket = self.scroll_x // self.cell_width
        last_bucket = min(buckets, (self.scroll_x + width + self.cell_width - 1) // self.cell_width)
        return range(first_row, max(first_row, last_row)), range(first_bucket, max(first_bucket, last_bucket))

    def cell_rect(self, row: int, bucket: int) -> QRect:
        """The cell's rectangle in viewport coordinates."""
        return QRect(
            bucket * self.cell_width - self.scroll_x,
            row * self.row_height - self.scroll_y,
            self.cell_width,
            self.row_height,
        )

    def row_top(self, row: int) -> int:
        return row * self.row_height - self.scroll_y

    def bucket_left(self, bucket: int) -> int:
        return bucket * self.cell_width - self.scroll_x

    def row_at(self, y: int) -> int:
        return (y + self.scroll_y) // self.row_height

    def bucket_at(self, x: int) -> int:
        return (x + self.scroll_x) // self.cell_width
