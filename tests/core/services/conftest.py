"""A fresh, unsaved portfolio with a small plan for each services test."""

from collections.abc import Iterator

import pytest

from pmo_desktop.services.workspace import Workspace
from tests.core.factories import add_plan


@pytest.fixture
def workspace() -> Iterator[Workspace]:
    opened = Workspace.create(None, "Services Test")
    yield opened
    opened.close()


@pytest.fixture
def plan(workspace: Workspace) -> dict[str, int]:
    return add_plan(workspace)
