"""Projects and their plan: tasks (WBS), dependencies and baselines."""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from pmo_desktop.domain.enums import ConstraintType, DependencyType, SchedulingMode, Stage, TaskKind
from pmo_desktop.storage.models.base import Base, Identity, enum_type, utcnow
from pmo_desktop.storage.models.types import timestamp


class Project(Identity, Base):
    """A project: its identity, governance, stage and budget. Its dates come from its tasks."""

    __tablename__ = "project"
    __table_args__ = (
        CheckConstraint("priority BETWEEN 1 AND 5", name="priority"),
        CheckConstraint("budget_minor >= 0", name="budget"),
    )

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id", ondelete="SET NULL"), index=True)
    sponsor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    stage: Mapped[Stage] = mapped_column(enum_type(Stage, "stage"), default=Stage.PROPOSED)
    priority: Mapped[int] = mapped_column(Integer, default=3)
    tentative: Mapped[bool] = mapped_column(Boolean, default=False)
    budget_minor: Mapped[int] = mapped_column(Integer, default=0)
    colour: Mapped[str] = mapped_column(String(7), default="#4C6EF5")
    # The earliest day its tasks may start (the scheduler's anchor); empty until the project has tasks.
    start_date: Mapped[date | None] = mapped_column(Date)


class ProjectObjective(Identity, Base):
    """How much a project serves an objective (weight in percent)."""

    __tablename__ = "project_objective"
    __table_args__ = (
        UniqueConstraint("project_id", "objective_id"),
        CheckConstraint("weight BETWEEN 0 AND 100", name="weight"),
    )

    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    objective_id: Mapped[int] = mapped_column(ForeignKey("objective.id", ondelete="CASCADE"), index=True)
    weight: Mapped[int] = mapped_column(Integer, default=100)


class Task(Identity, Base):
    """A task, milestone or summary in a project's work breakdown structure."""

    __tablename__ = "task"
    __table_args__ = (
        CheckConstraint("finish >= start", name="finish_after_start"),
        CheckConstraint("percent_complete BETWEEN 0 AND 100", name="percent"),
        CheckConstraint("duration_days >= 0", name="duration"),
        CheckConstraint("kind != 'milestone' OR duration_days = 0", name="milestone_duration"),
        CheckConstraint("(constraint_type = 'asap') = (constraint_date IS NULL)", name="constraint_date"),
        CheckConstraint("parent_id IS NULL OR parent_id != id", name="not_own_parent"),
        Index("ix_task_project_order", "project_id", "parent_id", "sort_order"),
        Index("ix_task_parent", "parent_id"),
    )

    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[TaskKind] = mapped_column(enum_type(TaskKind, "task_kind"), default=TaskKind.TASK)
    start: Mapped[date] = mapped_column(Date)
    finish: Mapped[date] = mapped_column(Date)
    duration_days: Mapped[int] = mapped_column(Integer, default=1)
    scheduling: Mapped[SchedulingMode] = mapped_column(
        enum_type(SchedulingMode, "scheduling_mode"), default=SchedulingMode.AUTO
    )
    constraint_type: Mapped[ConstraintType] = mapped_column(
        enum_type(ConstraintType, "constraint_type"), default=ConstraintType.ASAP
    )
    constraint_date: Mapped[date | None] = mapped_column(Date)
    percent_complete: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")


class Dependency(Identity, Base):
    """A link between two tasks, possibly in different projects. Negative lag is a lead."""

    __tablename__ = "dependency"
    __table_args__ = (
        UniqueConstraint("predecessor_id", "successor_id"),
        CheckConstraint("predecessor_id != successor_id", name="not_self"),
        Index("ix_dependency_successor", "successor_id"),
    )

    predecessor_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
    successor_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
    type: Mapped[DependencyType] = mapped_column(
        enum_type(DependencyType, "dependency_type"), default=DependencyType.FS
    )
    lag_days: Mapped[int] = mapped_column(Integer, default=0)


class Baseline(Identity, Base):
    """A named snapshot of task dates and project budgets, taken at a point in time."""

    __tablename__ = "baseline"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    taken_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")


class BaselineTask(Identity, Base):
    """One task's dates in a baseline."""

    __tablename__ = "baseline_task"
    __table_args__ = (
        UniqueConstraint("baseline_id", "task_id"),
        CheckConstraint("finish >= start", name="finish_after_start"),
        Index("ix_baseline_task_task", "task_id"),
    )

    baseline_id: Mapped[int] = mapped_column(ForeignKey("baseline.id", ondelete="CASCADE"))
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
    start: Mapped[date] = mapped_column(Date)
    finish: Mapped[date] = mapped_column(Date)
    duration_days: Mapped[int] = mapped_column(Integer)


class BaselineProject(Identity, Base):
    """One project's budget in a baseline."""

    __tablename__ = "baseline_project"
    __table_args__ = (
        UniqueConstraint("baseline_id", "project_id"),
        CheckConstraint("budget_minor >= 0", name="budget"),
    )

    baseline_id: Mapped[int] = mapped_column(ForeignKey("baseline.id", ondelete="CASCADE"))
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    budget_minor: Mapped[int] = mapped_column(Integer)
