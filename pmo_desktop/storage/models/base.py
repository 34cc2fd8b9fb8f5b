"""Declarative base, shared column types, the identity mixin and tombstones.

Every record has an integer key for joins, a UUID that survives copies, imports and exports, and created and
updated timestamps in UTC. Deleting a record leaves a tombstone, written by a trigger so that rows removed by
a cascade leave one too.
"""

import uuid
from datetime import UTC, datetime
from enum import Enum as PyEnum

from sqlalchemy import Enum, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from pmo_desktop.storage.models.types import UuidBytes, timestamp

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Now in UTC without tzinfo: SQLite stores naive text, and every timestamp we write is UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_uuid() -> str:
    return str(uuid.uuid4())


def enum_type(enum: type[PyEnum], name: str) -> Enum:
    """A text column holding an enum's values, with a CHECK constraint so bad values cannot be written."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=max(len(str(member.value)) for member in enum),
        values_callable=lambda members: [str(member.value) for member in members],
    )


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so constraint names are stable for batch migrations."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Identity:
    """Integer key, stable UUID and timestamps, shared by every entity table."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True, sort_order=-2)
    uuid: Mapped[str] = mapped_column(UuidBytes, unique=True, default=new_uuid, sort_order=-1)
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow, sort_order=100)
    updated_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow, onupdate=utcnow, sort_order=101)


class Tombstone(Base):
    """What was deleted and when, so that two copies of one portfolio can later be merged."""

    __tablename__ = "tombstone"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(UuidBytes, index=True)
    kind: Mapped[str] = mapped_column(String(32))
    deleted_at: Mapped[str] = mapped_column(String(32))
