"""The phases a realistic project plan is assembled from, and who each phase needs.

A phase is a summary task holding one or more groups; a group is a chain of steps, optionally under a
summary of its own (a build workstream). Each step follows the previous one in its group (finish-to-start
unless it says otherwise); the first step of every group follows the end of the previous phase. Durations
are nominal working days, stretched per project and jittered by the generator.
"""

from dataclasses import dataclass

from pmo_desktop.domain.enums import DependencyType

FS, SS, FF = DependencyType.FS, DependencyType.SS, DependencyType.FF

BA = "Business Analyst"
SA = "Solution Architect"
DEV = "Backend Developer"
QA = "QA Engineer"
PM = "Project Manager"
DATA = "Data Engineer"
UX = "UX Designer"
CHANGE = "Change Manager"


@dataclass(frozen=True)
class Step:
    name: str
    days: int
    link: DependencyType = FS
    lag: int = 0


@dataclass(frozen=True)
class Group:
    """A chain of steps; `summary` names its own summary task, `role` the people its work needs."""

    steps: tuple[Step, ...]
    summary: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Phase:
    key: str
    name: str
    groups: tuple[Group, ...]


# Fraction of one person's week that each role gives a phase while it runs; a role listed twice needs two
# people. A workstream also needs two of its own specialists (WORKSTREAM_SHARES).
STAFFING: dict[str, tuple[tuple[str, float], ...]] = {
    "initiation": ((BA, 0.4),),
    "discovery": ((BA, 1.0), (UX, 0.4), (SA, 0.2)),
    "design": ((SA, 0.6), (BA, 0.6), (UX, 0.5), (DATA, 0.3)),
    "build": ((SA, 0.3), (QA, 0.5), (BA, 0.3)),
    "testing": ((QA, 1.0), (QA, 0.6), (DEV, 0.8), (BA, 0.5)),
    "deployment": ((CHANGE, 0.8), (DEV, 0.5), (BA, 0.4)),
    "hypercare": ((DEV, 0.5), (CHANGE, 0.3)),
}
WORKSTREAM_SHARES = (1.0, 0.6)


def initiation() -> Phase:
    return Phase(
        "initiation",
        "Initiation",
        (
            Group(
                (
                    Step("Project charter and business case refresh", 15),
                    Step("Stakeholder analysis and engagement plan", 10, SS, 5),
                    Step("Gate 1: initiation complete", 0),
                )
            ),
        ),
    )


def discovery() -> Phase:
    return Phase(
        "discovery",
        "Discovery and requirements",
        (
            Group(
                (
                    Step("Current-state process mapping", 20),
                    Step("Requirements workshops with operations", 25, SS, 10),
                    Step("Requirements sign-off", 0),
                )
            ),
        ),
    )


def design(specialist: str) -> Phase:
    """Solution design; `specialist` names the design task that is particular to the project."""
    return Phase(
        "design",
        "Solution design",
        (
            Group(
                (
                    Step("Solution architecture", 25),
                    Step(specialist, 20, SS, 10),
                    Step("Security and privacy review", 8),
                    Step("Design authority approval", 0),
                )
            ),
        ),
    )


def build(workstreams: tuple[tuple[str, str], ...]) -> Phase:
    """Parallel workstreams, each (name, role): build, test what was built, hand over to SIT."""
    groups = tuple(
        Group(
            (
                Step(f"{name}: build and configure", 55),
                Step(f"{name}: component testing", 12, FF, 5),
                Step(f"{name}: ready for SIT", 0),
            ),
            summary=name,
            role=role,
        )
        for name, role in workstreams
    )
    return Phase("build", "Build", groups)


def testing() -> Phase:
    return Phase(
        "testing",
        "Testing",
        (
            Group(
                (
                    Step("System integration testing", 25),
                    Step("Performance and resilience testing", 10, SS, 12),
                    Step("User acceptance testing", 20),
                    Step("Defect fixing and retest", 12, FS, -4),
                    Step("UAT sign-off", 0),
                )
            ),
        ),
    )


def deployment(waves: tuple[str, ...]) -> Phase:
    """Cutover preparation, then one cutover and go-live per wave (site, region or workload group)."""
    steps = [
        Step("Cutover plan and rehearsal", 10),
        Step("End-user training", 15, SS, 3),
    ]
    for number, wave in enumerate(waves):
        # Later waves wait for the previous one to stabilise before their cutover.
        steps.append(Step(f"Cutover: {wave}", 4, FS, 20 if number else 0))
        steps.append(Step(f"Go-live: {wave}", 0))
    return Phase("deployment", "Deployment", (Group(tuple(steps)),))


def hypercare() -> Phase:
    return Phase(
        "hypercare",
        "Hypercare and closure",
        (
            Group(
                (
                    Step("Hypercare support", 30),
                    Step("Handover to business as usual", 8, FF, 0),
                    Step("Lessons learned review", 3),
                    Step("Project closure", 0),
                )
            ),
        ),
    )
