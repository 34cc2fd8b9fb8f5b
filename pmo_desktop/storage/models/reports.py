"""Status reports (RAG by period) and budget lines (planned, actual, forecast by period and category)."""

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pmo_desktop.domain.enums import BudgetCategory, Rag
from pmo_desktop.storage.models.base import Base, Identity, enum_type


def _rag_column() -> Mapped[Rag]:
    return mapped_column(enum_type(Rag, "rag"), default=Rag.GREEN)


class StatusReport(Identity, Base):
    """A project's status at the end of one reporting period."""

    __tablename__ = "status_report"
    __table_args__ = (UniqueConstraint("project_id", "period_end"),)

    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    period_end: Mapped[date] = mapped_column(Date)
    period_label: Mapped[str] = mapped_column(String(40), default="")
    overall: Mapped[Rag] = _rag_column()
    schedule: Mapped[Rag] = _rag_column()
    cost: Mapped[Rag] = _rag_column()
    scope: Mapped[Rag] = _rag_column()
    resource: Mapped[Rag] = _rag_column()
    comment: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    achievements: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")


class BudgetLine(Identity, Base):
    """Money for one project, period and category, in minor units of the portfolio currency."""

    __tablename__ = "budget_line"
    __table_args__ = (
        UniqueConstraint("project_id", "period_start", "category"),
        CheckConstraint("planned_minor >= 0 AND actual_minor >= 0 AND forecast_minor >= 0", name="amounts"),
    )

    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    period_start: Mapped[date] = mapped_column(Date)
    category: Mapped[BudgetCategory] = mapped_column(enum_type(BudgetCategory, "budget_category"))
    planned_minor: Mapped[int] = mapped_column(default=0)
    actual_minor: Mapped[int] = mapped_column(default=0)
    forecast_minor: Mapped[int] = mapped_column(default=0)
