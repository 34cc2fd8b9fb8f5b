"""Typed SQLAlchemy 2 models of every entity in DESIGN.md section 3, one module per area."""

from pmo_desktop.storage.models.base import Base, Tombstone
from pmo_desktop.storage.models.people import Allocation, Person, Role, Team, TimeOff
from pmo_desktop.storage.models.plan import (
    Baseline,
    BaselineProject,
    BaselineTask,
    Dependency,
    Project,
    ProjectObjective,
    Task,
)
from pmo_desktop.storage.models.portfolio import Holiday, Objective, Portfolio, Programme, ProgrammeObjective
from pmo_desktop.storage.models.raid import RaidItem, RaidScore, RaidTaskLink
from pmo_desktop.storage.models.reports import BudgetLine, StatusReport

__all__ = [
    "Allocation",
    "Base",
    "Baseline",
    "BaselineProject",
    "BaselineTask",
    "BudgetLine",
    "Dependency",
    "Holiday",
    "Objective",
    "Person",
    "Portfolio",
    "Programme",
    "ProgrammeObjective",
    "Project",
    "ProjectObjective",
    "RaidItem",
    "RaidScore",
    "RaidTaskLink",
    "Role",
    "StatusReport",
    "Task",
    "Team",
    "TimeOff",
    "Tombstone",
]
