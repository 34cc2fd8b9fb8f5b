"""Initial schema, file format 1.0: every entity of DESIGN.md section 3, and the tombstone triggers.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-27 20:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None
schema_version = (1, 0)

TOMBSTONED_TABLES = (
    "portfolio",
    "holiday",
    "objective",
    "programme",
    "programme_objective",
    "project",
    "project_objective",
    "task",
    "dependency",
    "baseline",
    "baseline_task",
    "baseline_project",
    "role",
    "team",
    "person",
    "time_off",
    "allocation",
    "raid_item",
    "raid_score",
    "raid_task_link",
    "status_report",
    "budget_line",
)


def _tombstone_trigger(table: str) -> str:
    # A trigger rather than service code, so rows removed by ON DELETE CASCADE leave a tombstone too.
    return (
        f"CREATE TRIGGER tombstone_{table} AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO tombstone (uuid, kind, deleted_at) "
        f"VALUES (old.uuid, '{table}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END"
    )


def upgrade() -> None:
    op.create_table(
        "baseline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_baseline")),
        sa.UniqueConstraint("name", name=op.f("uq_baseline_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_baseline_uuid")),
    )
    op.create_table(
        "holiday",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holiday")),
        sa.UniqueConstraint("day", name=op.f("uq_holiday_day")),
        sa.UniqueConstraint("uuid", name=op.f("uq_holiday_uuid")),
    )
    op.create_table(
        "portfolio",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("fiscal_year_start_month", sa.Integer(), nullable=False),
        sa.Column("working_days", sa.Integer(), nullable=False),
        sa.Column("hours_per_day", sa.Float(), nullable=False),
        sa.Column("holiday_country", sa.String(length=8), nullable=True),
        sa.Column("holiday_subdivision", sa.String(length=16), nullable=True),
        sa.Column("classification", sa.String(length=100), nullable=False),
        sa.Column("created_by_app", sa.String(length=40), nullable=False),
        sa.Column("saved_by_app", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("fiscal_year_start_month BETWEEN 1 AND 12", name=op.f("ck_portfolio_fiscal_month")),
        sa.CheckConstraint("hours_per_day > 0 AND hours_per_day <= 24", name=op.f("ck_portfolio_hours_per_day")),
        sa.CheckConstraint("length(currency) = 3", name=op.f("ck_portfolio_currency")),
        sa.CheckConstraint("working_days BETWEEN 1 AND 127", name=op.f("ck_portfolio_working_days")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portfolio")),
        sa.UniqueConstraint("uuid", name=op.f("uq_portfolio_uuid")),
    )
    op.create_table(
        "role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("cost_rate_minor", sa.Integer(), nullable=False),
        sa.Column("colour", sa.String(length=7), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("cost_rate_minor >= 0", name=op.f("ck_role_cost_rate")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role")),
        sa.UniqueConstraint("name", name=op.f("uq_role_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_role_uuid")),
    )
    op.create_table(
        "team",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team")),
        sa.UniqueConstraint("name", name=op.f("uq_team_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_team_uuid")),
    )
    op.create_table(
        "tombstone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tombstone")),
    )
    with op.batch_alter_table("tombstone", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tombstone_uuid"), ["uuid"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=True),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("hours_per_week", sa.Float(), nullable=False),
        sa.Column("cost_rate_minor", sa.Integer(), nullable=True),
        sa.Column("employment_start", sa.Date(), nullable=True),
        sa.Column("employment_end", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("cost_rate_minor IS NULL OR cost_rate_minor >= 0", name=op.f("ck_person_cost_rate")),
        sa.CheckConstraint(
            "employment_end IS NULL OR employment_start IS NULL OR employment_end >= employment_start",
            name=op.f("ck_person_employment"),
        ),
        sa.CheckConstraint("hours_per_week >= 0 AND hours_per_week <= 168", name=op.f("ck_person_hours")),
        sa.ForeignKeyConstraint(["role_id"], ["role.id"], name=op.f("fk_person_role_id_role"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_person_team_id_team"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("uuid", name=op.f("uq_person_uuid")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_role_id"), ["role_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_team_id"), ["team_id"], unique=False)

    op.create_table(
        "objective",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["person.id"], name=op.f("fk_objective_owner_id_person"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objective")),
        sa.UniqueConstraint("code", name=op.f("uq_objective_code")),
        sa.UniqueConstraint("uuid", name=op.f("uq_objective_uuid")),
    )
    with op.batch_alter_table("objective", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_objective_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "programme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sponsor_id", sa.Integer(), nullable=True),
        sa.Column("manager_id", sa.Integer(), nullable=True),
        sa.Column("colour", sa.String(length=7), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["manager_id"], ["person.id"], name=op.f("fk_programme_manager_id_person"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["sponsor_id"], ["person.id"], name=op.f("fk_programme_sponsor_id_person"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme")),
        sa.UniqueConstraint("name", name=op.f("uq_programme_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_programme_uuid")),
    )
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_programme_manager_id"), ["manager_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_programme_sponsor_id"), ["sponsor_id"], unique=False)

    op.create_table(
        "time_off",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("finish", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("leave", "training", "sickness", name="time_off_kind", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("finish >= start", name=op.f("ck_time_off_finish_after_start")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_time_off_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_off")),
        sa.UniqueConstraint("uuid", name=op.f("uq_time_off_uuid")),
    )
    with op.batch_alter_table("time_off", schema=None) as batch_op:
        batch_op.create_index("ix_time_off_person_start", ["person_id", "start"], unique=False)

    op.create_table(
        "programme_objective",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("objective_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["objective.id"],
            name=op.f("fk_programme_objective_objective_id_objective"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_programme_objective_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_objective")),
        sa.UniqueConstraint(
            "programme_id", "objective_id", name=op.f("uq_programme_objective_programme_id_objective_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_programme_objective_uuid")),
    )
    with op.batch_alter_table("programme_objective", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_programme_objective_objective_id"), ["objective_id"], unique=False)

    op.create_table(
        "project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("sponsor_id", sa.Integer(), nullable=True),
        sa.Column("manager_id", sa.Integer(), nullable=True),
        sa.Column(
            "stage",
            sa.Enum(
                "proposed",
                "approved",
                "active",
                "on_hold",
                "closed",
                "cancelled",
                name="stage",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("tentative", sa.Boolean(), nullable=False),
        sa.Column("budget_minor", sa.Integer(), nullable=False),
        sa.Column("colour", sa.String(length=7), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("budget_minor >= 0", name=op.f("ck_project_budget")),
        sa.CheckConstraint("priority BETWEEN 1 AND 5", name=op.f("ck_project_priority")),
        sa.ForeignKeyConstraint(
            ["manager_id"], ["person.id"], name=op.f("fk_project_manager_id_person"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_project_programme_id_programme"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["sponsor_id"], ["person.id"], name=op.f("fk_project_sponsor_id_person"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
        sa.UniqueConstraint("code", name=op.f("uq_project_code")),
        sa.UniqueConstraint("uuid", name=op.f("uq_project_uuid")),
    )
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_manager_id"), ["manager_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_programme_id"), ["programme_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_sponsor_id"), ["sponsor_id"], unique=False)

    op.create_table(
        "baseline_project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("baseline_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("budget_minor", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("budget_minor >= 0", name=op.f("ck_baseline_project_budget")),
        sa.ForeignKeyConstraint(
            ["baseline_id"], ["baseline.id"], name=op.f("fk_baseline_project_baseline_id_baseline"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_baseline_project_project_id_project"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_baseline_project")),
        sa.UniqueConstraint("baseline_id", "project_id", name=op.f("uq_baseline_project_baseline_id_project_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_baseline_project_uuid")),
    )
    with op.batch_alter_table("baseline_project", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_baseline_project_project_id"), ["project_id"], unique=False)

    op.create_table(
        "budget_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column(
            "category",
            sa.Enum("capex", "opex", "labour", name="budget_category", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("planned_minor", sa.Integer(), nullable=False),
        sa.Column("actual_minor", sa.Integer(), nullable=False),
        sa.Column("forecast_minor", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "planned_minor >= 0 AND actual_minor >= 0 AND forecast_minor >= 0", name=op.f("ck_budget_line_amounts")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_budget_line_project_id_project"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_line")),
        sa.UniqueConstraint(
            "project_id", "period_start", "category", name=op.f("uq_budget_line_project_id_period_start_category")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_budget_line_uuid")),
    )
    op.create_table(
        "project_objective",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("objective_id", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("weight BETWEEN 0 AND 100", name=op.f("ck_project_objective_weight")),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["objective.id"],
            name=op.f("fk_project_objective_objective_id_objective"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_project_objective_project_id_project"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_objective")),
        sa.UniqueConstraint("project_id", "objective_id", name=op.f("uq_project_objective_project_id_objective_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_project_objective_uuid")),
    )
    with op.batch_alter_table("project_objective", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_objective_objective_id"), ["objective_id"], unique=False)

    op.create_table(
        "raid_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "risk", "assumption", "issue", "decision", name="raid_kind", native_enum=False, create_constraint=True
            ),
            nullable=False,
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("probability", sa.Integer(), nullable=True),
        sa.Column("impact", sa.Integer(), nullable=True),
        sa.Column("residual_probability", sa.Integer(), nullable=True),
        sa.Column("residual_impact", sa.Integer(), nullable=True),
        sa.Column("opportunity", sa.Boolean(), nullable=False),
        sa.Column(
            "proximity",
            sa.Enum("imminent", "near", "medium", "far", name="proximity", native_enum=False, create_constraint=True),
            nullable=True,
        ),
        sa.Column(
            "response",
            sa.Enum(
                "avoid",
                "reduce",
                "transfer",
                "accept",
                "escalate",
                "exploit",
                "enhance",
                "share",
                name="response",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("actions", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "in_progress", "closed", name="raid_status", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closure_note", sa.Text(), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("validation_on", sa.Date(), nullable=True),
        sa.Column("validation_result", sa.Text(), nullable=False),
        sa.Column("needed_by", sa.Date(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "closed_on IS NULL OR closed_on >= raised_on", name=op.f("ck_raid_item_closed_after_raised")
        ),
        sa.CheckConstraint("impact IS NULL OR impact BETWEEN 1 AND 5", name=op.f("ck_raid_item_impact")),
        sa.CheckConstraint("number >= 1", name=op.f("ck_raid_item_number")),
        sa.CheckConstraint("probability IS NULL OR probability BETWEEN 1 AND 5", name=op.f("ck_raid_item_probability")),
        sa.CheckConstraint(
            "residual_impact IS NULL OR residual_impact BETWEEN 1 AND 5", name=op.f("ck_raid_item_residual_impact")
        ),
        sa.CheckConstraint(
            "residual_probability IS NULL OR residual_probability BETWEEN 1 AND 5",
            name=op.f("ck_raid_item_residual_probability"),
        ),
        sa.CheckConstraint("severity IS NULL OR severity BETWEEN 1 AND 5", name=op.f("ck_raid_item_severity")),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["person.id"], name=op.f("fk_raid_item_decided_by_id_person"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["person.id"], name=op.f("fk_raid_item_owner_id_person"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_raid_item_project_id_project"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_raid_item")),
        sa.UniqueConstraint("kind", "number", name=op.f("uq_raid_item_kind_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_raid_item_uuid")),
    )
    with op.batch_alter_table("raid_item", schema=None) as batch_op:
        batch_op.create_index("ix_raid_item_kind_status", ["kind", "status"], unique=False)
        batch_op.create_index("ix_raid_item_owner", ["owner_id"], unique=False)
        batch_op.create_index("ix_raid_item_project", ["project_id"], unique=False)

    op.create_table(
        "status_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("period_label", sa.String(length=40), nullable=False),
        sa.Column(
            "overall",
            sa.Enum("red", "amber", "green", name="rag", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column(
            "schedule",
            sa.Enum("red", "amber", "green", name="rag", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column(
            "cost",
            sa.Enum("red", "amber", "green", name="rag", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column(
            "scope",
            sa.Enum("red", "amber", "green", name="rag", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column(
            "resource",
            sa.Enum("red", "amber", "green", name="rag", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("achievements", sa.Text(), nullable=False),
        sa.Column("next_steps", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_status_report_project_id_project"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_report")),
        sa.UniqueConstraint("project_id", "period_end", name=op.f("uq_status_report_project_id_period_end")),
        sa.UniqueConstraint("uuid", name=op.f("uq_status_report_uuid")),
    )
    op.create_table(
        "task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("task", "milestone", "summary", name="task_kind", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("finish", sa.Date(), nullable=False),
        sa.Column("duration_days", sa.Integer(), nullable=False),
        sa.Column(
            "scheduling",
            sa.Enum("auto", "manual", name="scheduling_mode", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column(
            "constraint_type",
            sa.Enum(
                "asap",
                "snet",
                "snlt",
                "fnet",
                "fnlt",
                "mso",
                "mfo",
                name="constraint_type",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("constraint_date", sa.Date(), nullable=True),
        sa.Column("percent_complete", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(constraint_type = 'asap') = (constraint_date IS NULL)", name=op.f("ck_task_constraint_date")
        ),
        sa.CheckConstraint("kind != 'milestone' OR duration_days = 0", name=op.f("ck_task_milestone_duration")),
        sa.CheckConstraint("duration_days >= 0", name=op.f("ck_task_duration")),
        sa.CheckConstraint("finish >= start", name=op.f("ck_task_finish_after_start")),
        sa.CheckConstraint("parent_id IS NULL OR parent_id != id", name=op.f("ck_task_not_own_parent")),
        sa.CheckConstraint("percent_complete BETWEEN 0 AND 100", name=op.f("ck_task_percent")),
        sa.ForeignKeyConstraint(["parent_id"], ["task.id"], name=op.f("fk_task_parent_id_task"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_task_project_id_project"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task")),
        sa.UniqueConstraint("uuid", name=op.f("uq_task_uuid")),
    )
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.create_index("ix_task_parent", ["parent_id"], unique=False)
        batch_op.create_index("ix_task_project_order", ["project_id", "parent_id", "sort_order"], unique=False)

    op.create_table(
        "allocation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("role_id", sa.Integer(), nullable=True),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("finish", sa.Date(), nullable=False),
        sa.Column(
            "unit",
            sa.Enum("hours", "percent", name="allocation_unit", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("confirmed", "tentative", name="allocation_status", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_allocation_amount")),
        sa.CheckConstraint("finish >= start", name=op.f("ck_allocation_finish_after_start")),
        sa.CheckConstraint("person_id IS NOT NULL OR role_id IS NOT NULL", name=op.f("ck_allocation_person_or_role")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_allocation_person_id_person"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_allocation_project_id_project"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["role_id"], ["role.id"], name=op.f("fk_allocation_role_id_role"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["task_id"], ["task.id"], name=op.f("fk_allocation_task_id_task"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allocation")),
        sa.UniqueConstraint("uuid", name=op.f("uq_allocation_uuid")),
    )
    with op.batch_alter_table("allocation", schema=None) as batch_op:
        batch_op.create_index("ix_allocation_person_start", ["person_id", "start"], unique=False)
        batch_op.create_index("ix_allocation_project", ["project_id"], unique=False)
        batch_op.create_index(
            "ix_allocation_role", ["role_id"], unique=False, sqlite_where=sa.text("person_id IS NULL")
        )
        batch_op.create_index("ix_allocation_task", ["task_id"], unique=False)

    op.create_table(
        "baseline_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("baseline_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("finish", sa.Date(), nullable=False),
        sa.Column("duration_days", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("finish >= start", name=op.f("ck_baseline_task_finish_after_start")),
        sa.ForeignKeyConstraint(
            ["baseline_id"], ["baseline.id"], name=op.f("fk_baseline_task_baseline_id_baseline"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["task.id"], name=op.f("fk_baseline_task_task_id_task"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_baseline_task")),
        sa.UniqueConstraint("baseline_id", "task_id", name=op.f("uq_baseline_task_baseline_id_task_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_baseline_task_uuid")),
    )
    with op.batch_alter_table("baseline_task", schema=None) as batch_op:
        batch_op.create_index("ix_baseline_task_task", ["task_id"], unique=False)

    op.create_table(
        "dependency",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("predecessor_id", sa.Integer(), nullable=False),
        sa.Column("successor_id", sa.Integer(), nullable=False),
        sa.Column(
            "type",
            sa.Enum("FS", "SS", "FF", "SF", name="dependency_type", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("lag_days", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("predecessor_id != successor_id", name=op.f("ck_dependency_not_self")),
        sa.ForeignKeyConstraint(
            ["predecessor_id"], ["task.id"], name=op.f("fk_dependency_predecessor_id_task"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["successor_id"], ["task.id"], name=op.f("fk_dependency_successor_id_task"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dependency")),
        sa.UniqueConstraint("predecessor_id", "successor_id", name=op.f("uq_dependency_predecessor_id_successor_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_dependency_uuid")),
    )
    with op.batch_alter_table("dependency", schema=None) as batch_op:
        batch_op.create_index("ix_dependency_successor", ["successor_id"], unique=False)

    op.create_table(
        "raid_score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("raid_item_id", sa.Integer(), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("probability", sa.Integer(), nullable=False),
        sa.Column("impact", sa.Integer(), nullable=False),
        sa.Column("residual_probability", sa.Integer(), nullable=True),
        sa.Column("residual_impact", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("open", "in_progress", "closed", name="raid_status", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("impact IS NULL OR impact BETWEEN 1 AND 5", name=op.f("ck_raid_score_impact")),
        sa.CheckConstraint(
            "probability IS NULL OR probability BETWEEN 1 AND 5", name=op.f("ck_raid_score_probability")
        ),
        sa.CheckConstraint(
            "residual_impact IS NULL OR residual_impact BETWEEN 1 AND 5", name=op.f("ck_raid_score_residual_impact")
        ),
        sa.CheckConstraint(
            "residual_probability IS NULL OR residual_probability BETWEEN 1 AND 5",
            name=op.f("ck_raid_score_residual_probability"),
        ),
        sa.ForeignKeyConstraint(
            ["raid_item_id"], ["raid_item.id"], name=op.f("fk_raid_score_raid_item_id_raid_item"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_raid_score")),
        sa.UniqueConstraint("uuid", name=op.f("uq_raid_score_uuid")),
    )
    with op.batch_alter_table("raid_score", schema=None) as batch_op:
        batch_op.create_index("ix_raid_score_item_day", ["raid_item_id", "recorded_on"], unique=False)

    op.create_table(
        "raid_task_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.LargeBinary(length=16), nullable=False),
        sa.Column("raid_item_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["raid_item_id"],
            ["raid_item.id"],
            name=op.f("fk_raid_task_link_raid_item_id_raid_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["task.id"], name=op.f("fk_raid_task_link_task_id_task"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_raid_task_link")),
        sa.UniqueConstraint("raid_item_id", "task_id", name=op.f("uq_raid_task_link_raid_item_id_task_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_raid_task_link_uuid")),
    )
    with op.batch_alter_table("raid_task_link", schema=None) as batch_op:
        batch_op.create_index("ix_raid_task_link_task", ["task_id"], unique=False)

    for table in TOMBSTONED_TABLES:
        op.execute(_tombstone_trigger(table))


def downgrade() -> None:
    for table in TOMBSTONED_TABLES:
        op.execute(f"DROP TRIGGER tombstone_{table}")
    with op.batch_alter_table("raid_task_link", schema=None) as batch_op:
        batch_op.drop_index("ix_raid_task_link_task")

    op.drop_table("raid_task_link")
    with op.batch_alter_table("raid_score", schema=None) as batch_op:
        batch_op.drop_index("ix_raid_score_item_day")

    op.drop_table("raid_score")
    with op.batch_alter_table("dependency", schema=None) as batch_op:
        batch_op.drop_index("ix_dependency_successor")

    op.drop_table("dependency")
    with op.batch_alter_table("baseline_task", schema=None) as batch_op:
        batch_op.drop_index("ix_baseline_task_task")

    op.drop_table("baseline_task")
    with op.batch_alter_table("allocation", schema=None) as batch_op:
        batch_op.drop_index("ix_allocation_task")
        batch_op.drop_index("ix_allocation_role", sqlite_where=sa.text("person_id IS NULL"))
        batch_op.drop_index("ix_allocation_project")
        batch_op.drop_index("ix_allocation_person_start")

    op.drop_table("allocation")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_index("ix_task_project_order")
        batch_op.drop_index("ix_task_parent")

    op.drop_table("task")
    op.drop_table("status_report")
    with op.batch_alter_table("raid_item", schema=None) as batch_op:
        batch_op.drop_index("ix_raid_item_project")
        batch_op.drop_index("ix_raid_item_owner")
        batch_op.drop_index("ix_raid_item_kind_status")

    op.drop_table("raid_item")
    with op.batch_alter_table("project_objective", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_objective_objective_id"))

    op.drop_table("project_objective")
    op.drop_table("budget_line")
    with op.batch_alter_table("baseline_project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_baseline_project_project_id"))

    op.drop_table("baseline_project")
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_sponsor_id"))
        batch_op.drop_index(batch_op.f("ix_project_programme_id"))
        batch_op.drop_index(batch_op.f("ix_project_manager_id"))

    op.drop_table("project")
    with op.batch_alter_table("programme_objective", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_objective_objective_id"))

    op.drop_table("programme_objective")
    with op.batch_alter_table("time_off", schema=None) as batch_op:
        batch_op.drop_index("ix_time_off_person_start")

    op.drop_table("time_off")
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_sponsor_id"))
        batch_op.drop_index(batch_op.f("ix_programme_manager_id"))

    op.drop_table("programme")
    with op.batch_alter_table("objective", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_objective_owner_id"))

    op.drop_table("objective")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_team_id"))
        batch_op.drop_index(batch_op.f("ix_person_role_id"))

    op.drop_table("person")
    with op.batch_alter_table("tombstone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tombstone_uuid"))

    op.drop_table("tombstone")
    op.drop_table("team")
    op.drop_table("role")
    op.drop_table("portfolio")
    op.drop_table("holiday")
    op.drop_table("baseline")
