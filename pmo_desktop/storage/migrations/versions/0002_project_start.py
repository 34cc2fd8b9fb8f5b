"""File format 1.1: a project's start date, the anchor the scheduler places unlinked tasks from.

Revision ID: 0002_project_start
Revises: 0001_initial
Create Date: 2026-11-27 21:40:00

Older files get each project's earliest task start, so nothing moves when they are first rescheduled.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_project_start"
down_revision = "0001_initial"
branch_labels = None
depends_on = None
schema_version = (1, 1)


def upgrade() -> None:
    with op.batch_alter_table("project") as batch:
        batch.add_column(sa.Column("start_date", sa.Date(), nullable=True))
    op.execute("UPDATE project SET start_date = (SELECT min(start) FROM task WHERE task.project_id = project.id)")


def downgrade() -> None:
    with op.batch_alter_table("project") as batch:
        batch.drop_column("start_date")
