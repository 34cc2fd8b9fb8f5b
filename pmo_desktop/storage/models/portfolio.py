"""The portfolio itself, its hand-entered holidays, strategic objectives and programmes."""

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from pmo_desktop.storage.models.base import Base, Identity

MONDAY_TO_FRIDAY = 0b0011111  # bit 0 = Monday ... bit 6 = Sunday


class Portfolio(Identity, Base):
    """The one row of settings that apply to the whole file."""

    __tablename__ = "portfolio"
    __table_args__ = (
        CheckConstraint("fiscal_year_start_month BETWEEN 1 AND 12", name="fiscal_month"),
        CheckConstraint("working_days BETWEEN 1 AND 127", name="working_days"),
        CheckConstraint("hours_per_day > 0 AND hours_per_day <= 24", name="hours_per_day"),
        CheckConstraint("length(currency) = 3", name="currency"),
    )

    name: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(200), default="")
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    fiscal_year_start_month: Mapped[int] = mapped_column(Integer, default=1)
    working_days: Mapped[int] = mapped_column(Integer, default=MONDAY_TO_FRIDAY)
    hours_per_day: Mapped[float] = mapped_column(Float, default=8.0)
    holiday_country: Mapped[str | None] = mapped_column(String(8))
    holiday_subdivision: Mapped[str | None] = mapped_column(String(16))
    classification: Mapped[str] = mapped_column(String(100), default="Internal")
    created_by_app: Mapped[str] = mapped_column(String(40), default="")
    saved_by_app: Mapped[str] = mapped_column(String(40), default="")


class Holiday(Identity, Base):
    """A non-working day entered by hand, on top of the country's public holidays."""

    __tablename__ = "holiday"

    day: Mapped[date] = mapped_column(Date, unique=True)
    name: Mapped[str] = mapped_column(String(200))


class Objective(Identity, Base):
    """A strategic objective that projects serve, with how its success is measured."""

    __tablename__ = "objective"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    measure: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[str] = mapped_column(Text, default="")


class Programme(Identity, Base):
    """A group of projects run together, with a sponsor and a manager."""

    __tablename__ = "programme"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    sponsor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    colour: Mapped[str] = mapped_column(String(7), default="#4C6EF5")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class ProgrammeObjective(Identity, Base):
    """A programme's contribution to an objective."""

    __tablename__ = "programme_objective"

    __table_args__ = (UniqueConstraint("programme_id", "objective_id"),)

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    objective_id: Mapped[int] = mapped_column(ForeignKey("objective.id", ondelete="CASCADE"), index=True)
