"""People, roles, teams, time off and allocations: what the capacity engine reads."""

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from pmo_desktop.domain.enums import AllocationStatus, AllocationUnit, TimeOffKind
from pmo_desktop.storage.models.base import Base, Identity, enum_type


class Role(Identity, Base):
    """A role people hold; also the placeholder for demand not yet given to a person."""

    __tablename__ = "role"
    __table_args__ = (CheckConstraint("cost_rate_minor >= 0", name="cost_rate"),)

    name: Mapped[str] = mapped_column(String(100), unique=True)
    cost_rate_minor: Mapped[int] = mapped_column(Integer, default=0)
    colour: Mapped[str] = mapped_column(String(7), default="#868E96")


class Team(Identity, Base):
    """A team people belong to, for grouping the heatmap."""

    __tablename__ = "team"

    name: Mapped[str] = mapped_column(String(100), unique=True)


class Person(Identity, Base):
    """Someone whose time is planned. Deactivating keeps their history."""

    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint("hours_per_week >= 0 AND hours_per_week <= 168", name="hours"),
        CheckConstraint("cost_rate_minor IS NULL OR cost_rate_minor >= 0", name="cost_rate"),
        CheckConstraint(
            "employment_end IS NULL OR employment_start IS NULL OR employment_end >= employment_start",
            name="employment",
        ),
    )

    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), default="")
    role_id: Mapped[int | None] = mapped_column(ForeignKey("role.id", ondelete="SET NULL"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id", ondelete="SET NULL"), index=True)
    hours_per_week: Mapped[float] = mapped_column(Float, default=40.0)
    cost_rate_minor: Mapped[int | None] = mapped_column(Integer)
    employment_start: Mapped[date | None] = mapped_column(Date)
    employment_end: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TimeOff(Identity, Base):
    """A person's absence: leave, training or sickness, whole days inclusive."""

    __tablename__ = "time_off"
    __table_args__ = (
        CheckConstraint("finish >= start", name="finish_after_start"),
        Index("ix_time_off_person_start", "person_id", "start"),
    )

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    start: Mapped[date] = mapped_column(Date)
    finish: Mapped[date] = mapped_column(Date)
    kind: Mapped[TimeOffKind] = mapped_column(enum_type(TimeOffKind, "time_off_kind"), default=TimeOffKind.LEAVE)
    note: Mapped[str] = mapped_column(Text, default="")


class Allocation(Identity, Base):
    """Time of a person (or of an unfilled role) given to a project, optionally following one task."""

    __tablename__ = "allocation"
    __table_args__ = (
        CheckConstraint("finish >= start", name="finish_after_start"),
        CheckConstraint("amount >= 0", name="amount"),
        CheckConstraint("person_id IS NOT NULL OR role_id IS NOT NULL", name="person_or_role"),
        Index("ix_allocation_person_start", "person_id", "start"),
        # Only placeholder demand (no person yet) is looked up by role; a partial index keeps the file small.
        Index("ix_allocation_role", "role_id", sqlite_where=text("person_id IS NULL")),
        Index("ix_allocation_project", "project_id"),
        Index("ix_allocation_task", "task_id"),
    )

    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    role_id: Mapped[int | None] = mapped_column(ForeignKey("role.id", ondelete="SET NULL"))
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id", ondelete="SET NULL"))
    start: Mapped[date] = mapped_column(Date)
    finish: Mapped[date] = mapped_column(Date)
    unit: Mapped[AllocationUnit] = mapped_column(
        enum_type(AllocationUnit, "allocation_unit"), default=AllocationUnit.HOURS_PER_WEEK
    )
    amount: Mapped[float] = mapped_column(Float)
    status: Mapped[AllocationStatus] = mapped_column(
        enum_type(AllocationStatus, "allocation_status"), default=AllocationStatus.CONFIRMED
    )
    note: Mapped[str] = mapped_column(Text, default="")
