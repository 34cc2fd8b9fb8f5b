"""Capacity, load and utilisation of people and roles over weeks or months (DESIGN.md section 4).

A pure engine: plain frozen inputs in (`inputs`), numpy grids out (`grids`), no Qt and no database. The
services layer turns rows into inputs; the heatmap, the hotspot panel and the board pack read the results.
`CapacityEngine` prepares the arrays once per horizon and recomputes one person's row after an edit.
"""

from pmo_desktop.capacity.aggregate import IdleCapacity
from pmo_desktop.capacity.bands import BAND_ORDER, Band, band, band_codes
from pmo_desktop.capacity.engine import CapacityEngine, RowsChanged
from pmo_desktop.capacity.grids import (
    AllocationLoad,
    CapacityGrid,
    CellBreakdown,
    HoursGrid,
    ProjectLoad,
    utilisation,
    utilisation_of,
)
from pmo_desktop.capacity.horizon import Granularity, Horizon
from pmo_desktop.capacity.hotspots import Hotspot, ProjectShare
from pmo_desktop.capacity.inputs import (
    MONDAY_TO_FRIDAY,
    AllocationInput,
    PersonInput,
    TaskDates,
    TimeOffInput,
    WorkCalendar,
)

__all__ = [
    "BAND_ORDER",
    "MONDAY_TO_FRIDAY",
    "AllocationInput",
    "AllocationLoad",
    "Band",
    "CapacityEngine",
    "CapacityGrid",
    "CellBreakdown",
    "Granularity",
    "Horizon",
    "Hotspot",
    "HoursGrid",
    "IdleCapacity",
    "PersonInput",
    "ProjectLoad",
    "ProjectShare",
    "RowsChanged",
    "TaskDates",
    "TimeOffInput",
    "WorkCalendar",
    "band",
    "band_codes",
    "utilisation",
    "utilisation_of",
]
