"""The RAID log: risks, assumptions, issues and decisions, their score history and linked tasks."""

from datetime import date

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

from pmo_desktop.domain.enums import Proximity, RaidKind, RaidStatus, ResponseStrategy
from pmo_desktop.storage.models.base import Base, Identity, enum_type


def _one_to_five(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} IS NULL OR {column} BETWEEN 1 AND 5", name=column)


class RaidItem(Identity, Base):
    """One entry of the RAID log, on a project or (project empty) on the whole portfolio."""

    __tablename__ = "raid_item"
    __table_args__ = (
        UniqueConstraint("kind", "number"),
        CheckConstraint("number >= 1", name="number"),
        _one_to_five("probability"),
        _one_to_five("impact"),
        _one_to_five("residual_probability"),
        _one_to_five("residual_impact"),
        _one_to_five("severity"),
        CheckConstraint("closed_on IS NULL OR closed_on >= raised_on", name="closed_after_raised"),
        Index("ix_raid_item_project", "project_id"),
        Index("ix_raid_item_kind_status", "kind", "status"),
        Index("ix_raid_item_owner", "owner_id"),
    )

    kind: Mapped[RaidKind] = mapped_column(enum_type(RaidKind, "raid_kind"))
    number: Mapped[int] = mapped_column(Integer)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(100), default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    probability: Mapped[int | None] = mapped_column(Integer)
    impact: Mapped[int | None] = mapped_column(Integer)
    residual_probability: Mapped[int | None] = mapped_column(Integer)
    residual_impact: Mapped[int | None] = mapped_column(Integer)
    opportunity: Mapped[bool] = mapped_column(Boolean, default=False)
    proximity: Mapped[Proximity | None] = mapped_column(enum_type(Proximity, "proximity"))
    response: Mapped[ResponseStrategy | None] = mapped_column(enum_type(ResponseStrategy, "response"))
    actions: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[RaidStatus] = mapped_column(enum_type(RaidStatus, "raid_status"), default=RaidStatus.OPEN)
    raised_on: Mapped[date] = mapped_column(Date)
    review_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closure_note: Mapped[str] = mapped_column(Text, default="")
    severity: Mapped[int | None] = mapped_column(Integer)
    resolution: Mapped[str] = mapped_column(Text, default="")
    validation_on: Mapped[date | None] = mapped_column(Date)
    validation_result: Mapped[str] = mapped_column(Text, default="")
    needed_by: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    decided_on: Mapped[date | None] = mapped_column(Date)


class RaidScore(Identity, Base):
    """A RAID item's probability and impact as they stood on one day: the history behind trends."""

    __tablename__ = "raid_score"
    __table_args__ = (
        _one_to_five("probability"),
        _one_to_five("impact"),
        _one_to_five("residual_probability"),
        _one_to_five("residual_impact"),
        Index("ix_raid_score_item_day", "raid_item_id", "recorded_on"),
    )

    raid_item_id: Mapped[int] = mapped_column(ForeignKey("raid_item.id", ondelete="CASCADE"))
    recorded_on: Mapped[date] = mapped_column(Date)
    probability: Mapped[int] = mapped_column(Integer)
    impact: Mapped[int] = mapped_column(Integer)
    residual_probability: Mapped[int | None] = mapped_column(Integer)
    residual_impact: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[RaidStatus] = mapped_column(enum_type(RaidStatus, "raid_status"), default=RaidStatus.OPEN)


class RaidTaskLink(Identity, Base):
    """A RAID item linked to a task or milestone of the plan."""

    __tablename__ = "raid_task_link"
    __table_args__ = (UniqueConstraint("raid_item_id", "task_id"), Index("ix_raid_task_link_task", "task_id"))

    raid_item_id: Mapped[int] = mapped_column(ForeignKey("raid_item.id", ondelete="CASCADE"))
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
