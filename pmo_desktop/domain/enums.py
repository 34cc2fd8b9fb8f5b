"""Enumerations of the data model (DESIGN.md section 3). Values are what the file stores: never rename one."""

from enum import StrEnum


class EntityKind(StrEnum):
    """Every kind of record the portfolio holds; also the table name of that kind."""

    PORTFOLIO = "portfolio"
    HOLIDAY = "holiday"
    OBJECTIVE = "objective"
    PROGRAMME = "programme"
    PROGRAMME_OBJECTIVE = "programme_objective"
    PROJECT = "project"
    PROJECT_OBJECTIVE = "project_objective"
    TASK = "task"
    DEPENDENCY = "dependency"
    BASELINE = "baseline"
    BASELINE_TASK = "baseline_task"
    BASELINE_PROJECT = "baseline_project"
    ROLE = "role"
    TEAM = "team"
    PERSON = "person"
    TIME_OFF = "time_off"
    ALLOCATION = "allocation"
    RAID_ITEM = "raid_item"
    RAID_SCORE = "raid_score"
    RAID_TASK_LINK = "raid_task_link"
    STATUS_REPORT = "status_report"
    BUDGET_LINE = "budget_line"


class Stage(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    ACTIVE = "active"
    ON_HOLD = "on_hold"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class TaskKind(StrEnum):
    TASK = "task"
    MILESTONE = "milestone"
    SUMMARY = "summary"


class SchedulingMode(StrEnum):
    AUTO = "auto"
    MANUAL = "manual"


class ConstraintType(StrEnum):
    ASAP = "asap"
    START_NO_EARLIER = "snet"
    START_NO_LATER = "snlt"
    FINISH_NO_EARLIER = "fnet"
    FINISH_NO_LATER = "fnlt"
    MUST_START_ON = "mso"
    MUST_FINISH_ON = "mfo"


class DependencyType(StrEnum):
    FS = "FS"
    SS = "SS"
    FF = "FF"
    SF = "SF"


class TimeOffKind(StrEnum):
    LEAVE = "leave"
    TRAINING = "training"
    SICKNESS = "sickness"


class AllocationUnit(StrEnum):
    HOURS_PER_WEEK = "hours"
    PERCENT = "percent"


class AllocationStatus(StrEnum):
    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"


class RaidKind(StrEnum):
    RISK = "risk"
    ASSUMPTION = "assumption"
    ISSUE = "issue"
    DECISION = "decision"

    @property
    def prefix(self) -> str:
        """The letter of the human identifier (R-014, A-003, I-007, D-002)."""
        return self.value[0].upper()


class RaidStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


class ResponseStrategy(StrEnum):
    AVOID = "avoid"
    REDUCE = "reduce"
    TRANSFER = "transfer"
    ACCEPT = "accept"
    ESCALATE = "escalate"
    EXPLOIT = "exploit"
    ENHANCE = "enhance"
    SHARE = "share"


class Proximity(StrEnum):
    IMMINENT = "imminent"
    NEAR = "near"
    MEDIUM = "medium"
    FAR = "far"


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


class BudgetCategory(StrEnum):
    CAPEX = "capex"
    OPEX = "opex"
    LABOUR = "labour"
