"""Strategic alignment: objectives x projects with weights, unaligned projects flagged, weighted budgets."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from pmo_desktop.domain.enums import EntityKind, Stage
from pmo_desktop.services.portfolio_alignment import strategic_alignment
from pmo_desktop.services.records import list_records
from pmo_desktop.services.workspace import Workspace
from tests.core.services.portfolio_demo import add, open_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    workspace = open_demo(Path(tmp_path_factory.mktemp("alignment")))
    yield workspace
    workspace.close()


def test_demo_alignment_matches_the_links(demo: Workspace) -> None:
    alignment = strategic_alignment(demo)
    projects = {record.id: record for record in list_records(demo, EntityKind.PROJECT)}
    links = list_records(demo, EntityKind.PROJECT_OBJECTIVE)
    live = {pid for pid, record in projects.items() if record["stage"] != Stage.CANCELLED}
    assert {project.id for project in alignment.projects} == live
    for project in alignment.projects:
        mine = {link["objective_id"]: link["weight"] for link in links if link["project_id"] == project.id}
        assert dict(project.weights) == mine
    unaligned = {pid for pid in live if not any(link["project_id"] == pid and link["weight"] > 0 for link in links)}
    assert {project.id for project in alignment.unaligned} == unaligned
    assert {projects[pid]["code"] for pid in unaligned} == {"DCX", "RFH"}
    for objective in alignment.objectives:
        serving = [link for link in links if link["objective_id"] == objective.id and link["project_id"] in live]
        weighted = sum(round(projects[link["project_id"]]["budget_minor"] * link["weight"] / 100) for link in serving)
        assert (objective.project_count, objective.weighted_budget_minor) == (len(serving), weighted)


def test_a_zero_weight_does_not_serve(workspace: Workspace, plan: dict[str, int]) -> None:
    objective = add(workspace, EntityKind.OBJECTIVE, code="O1", title="Grow", measure="Revenue", target="+10 %")
    add(workspace, EntityKind.PROJECT_OBJECTIVE, project_id=plan["project"], objective_id=objective, weight=0)
    alignment = strategic_alignment(workspace)
    assert [project.code for project in alignment.unaligned] == ["CX-01"]
    assert alignment.weight(plan["project"], objective) == 0
    assert (alignment.objectives[0].project_count, alignment.objectives[0].target) == (0, "+10 %")
