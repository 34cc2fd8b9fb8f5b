"""The Gantt's rows as plain data: programmes > projects > WBS tasks, filtered, with stable integer keys.

No Qt here: `GanttTree` turns a `GanttData` read model and a `GanttFilter` into nodes that the Qt model
serves and the chart lays out. A node's key encodes its kind and record id, so a task keeps its key across
reloads and a selection or an expanded summary survives an edit. Filtering keeps a task when it matches
every filter and keeps the ancestors of every task kept; with no task filter on, every project shows.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import IntEnum

from pmo_desktop.domain.enums import TaskKind
from pmo_desktop.i18n import tr
from pmo_desktop.services.gantt_queries import GanttData, GanttProgramme, GanttProject, GanttTask

ROOT = 0
NO_PROGRAMME = 0
"""The programme id filters and keys use for projects outside any programme."""


class RowKind(IntEnum):
    """The low two bits of a key."""

    PROGRAMME = 1
    PROJECT = 2
    TASK = 3


def key_of(kind: RowKind, record_id: int) -> int:
    return (record_id << 2) | int(kind)


def kind_of(key: int) -> RowKind:
    return RowKind(key & 3)


def id_of(key: int) -> int:
    return key >> 2


@dataclass(frozen=True)
class GanttFilter:
    """What the Gantt shows. None means no restriction; `programme_id` 0 picks projects without one."""

    programme_id: int | None = None
    project_id: int | None = None
    critical_only: bool = False
    milestones_only: bool = False
    slipped_only: bool = False
    text: str = ""

    @property
    def filters_tasks(self) -> bool:
        """True when a task can be hidden for what it is, so empty projects hide too."""
        return self.critical_only or self.milestones_only or self.slipped_only or bool(self.text.strip())

    def with_changes(self, **changes: object) -> "GanttFilter":
        return replace(self, **changes)  # type: ignore[arg-type]


def slipped(task: GanttTask) -> bool:
    """Finishing later than the chosen baseline says."""
    return task.baseline_finish is not None and task.finish > task.baseline_finish


@dataclass(slots=True)
class Node:
    """One row: a programme (payload None for projects outside any), a project or a task."""

    key: int
    parent: int
    row: int
    payload: GanttProgramme | GanttProject | GanttTask | None
    children: list[int] = field(default_factory=list)
    span: tuple[date, date] | None = None
    progress: int = 0


class GanttTree:
    """The filtered tree of one `GanttData`; `refresh` takes new versions of some tasks in place."""

    def __init__(self, data: GanttData, shown: GanttFilter | None = None) -> None:
        self.data = data
        self.filter = shown or GanttFilter()
        self.tasks: dict[int, GanttTask] = {task.id: task for task in data.tasks}
        self.projects: dict[int, GanttProject] = {project.id: project for project in data.projects}
        self.programmes: dict[int, GanttProgramme] = {programme.id: programme for programme in data.programmes}
        self._project_tasks: dict[int, list[int]] = {}
        for task in data.tasks:
            self._project_tasks.setdefault(task.project_id, []).append(task.id)
        self.nodes: dict[int, Node] = {}
        self._build()

    # -- reading ----------------------------------------------------------------------------------------

    def node(self, key: int) -> Node:
        return self.nodes[key]

    def children(self, key: int) -> list[int]:
        return self.nodes[key].children

    def shape(self) -> dict[int, list[int]]:
        """Every node's children: two trees of the same shape can swap without a model reset."""
        return {key: list(node.children) for key, node in self.nodes.items()}

    def project_task_ids(self, project_id: int) -> list[int]:
        """Every task of a project, in WBS order, shown or filtered out."""
        return list(self._project_tasks.get(project_id, ()))

    def project_name(self, project_id: int) -> str:
        project = self.projects[project_id]
        return f"{project.code}  {project.name}"

    def programme_name(self, node: Node) -> str:
        programme = node.payload
        return programme.name if isinstance(programme, GanttProgramme) else tr("Projects outside a programme")

    # -- building ---------------------------------------------------------------------------------------

    def _build(self) -> None:
        kept = self._kept_tasks()
        self.nodes = {ROOT: Node(ROOT, ROOT, 0, None)}
        for programme_id, projects in self._projects_by_programme():
            shown = [project for project in projects if self._shows_project(project, kept)]
            if not shown:
                continue
            programme = self._add(key_of(RowKind.PROGRAMME, programme_id), ROOT, self.programmes.get(programme_id))
            for project in shown:
                self._add_project(programme, project, kept)
        self._compute_spans(self.nodes)

    def _projects_by_programme(self) -> list[tuple[int, list[GanttProject]]]:
        by_programme: dict[int, list[GanttProject]] = {programme.id: [] for programme in self.data.programmes}
        outside: list[GanttProject] = []
        for project in self.data.projects:
            if project.programme_id in by_programme:
                by_programme[project.programme_id].append(project)
            else:
                outside.append(project)
        return [*by_programme.items(), (NO_PROGRAMME, outside)]

    def _shows_project(self, project: GanttProject, kept: set[int]) -> bool:
        shown = self.filter
        programme_id = project.programme_id if project.programme_id in self.programmes else NO_PROGRAMME
        if shown.programme_id is not None and programme_id != shown.programme_id:
            return False
        if shown.project_id is not None and project.id != shown.project_id:
            return False
        return not shown.filters_tasks or any(task_id in kept for task_id in self._project_tasks.get(project.id, ()))

    def _add_project(self, programme: Node, project: GanttProject, kept: set[int]) -> None:
        node = self._add(key_of(RowKind.PROJECT, project.id), programme.key, project)
        for task_id in self._project_tasks.get(project.id, ()):
            if task_id not in kept:
                continue
            task = self.tasks[task_id]
            parent = node.key if task.parent_id is None else key_of(RowKind.TASK, task.parent_id)
            self._add(key_of(RowKind.TASK, task_id), parent if parent in self.nodes else node.key, task)

    def _add(self, key: int, parent: int, payload: GanttProgramme | GanttProject | GanttTask | None) -> Node:
        siblings = self.nodes[parent].children
        node = Node(key, parent, len(siblings), payload)
        siblings.append(key)
        self.nodes[key] = node
        return node

    def _kept_tasks(self) -> set[int]:
        """Tasks that match the filter, with every summary above one of them."""
        if not self.filter.filters_tasks:
            return set(self.tasks)
        matching = [task for task in self.tasks.values() if self._matches(task)]
        kept = {task.id for task in matching}
        for task in matching:
            parent = task.parent_id
            while parent is not None and parent not in kept and parent in self.tasks:
                kept.add(parent)
                parent = self.tasks[parent].parent_id
        return kept

    def _matches(self, task: GanttTask) -> bool:
        shown = self.filter
        if shown.critical_only and not task.critical:
            return False
        if shown.milestones_only and task.kind is not TaskKind.MILESTONE:
            return False
        if shown.slipped_only and not slipped(task):
            return False
        text = shown.text.strip().casefold()
        return not text or text in self._search_text(task)

    def _search_text(self, task: GanttTask) -> str:
        project = self.projects.get(task.project_id)
        programme = self.programmes.get(project.programme_id or NO_PROGRAMME) if project is not None else None
        parts = [task.name, task.wbs, project.code if project else "", project.name if project else ""]
        parts.append(programme.name if programme is not None else "")
        return " ".join(parts).casefold()

    # -- derived figures --------------------------------------------------------------------------------

    def _compute_spans(self, nodes: Mapping[int, Node]) -> None:
        """Each project's and programme's dates and progress from all its tasks (filtered out or not)."""
        groups = [node for key, node in nodes.items() if key != ROOT and kind_of(key) is RowKind.PROGRAMME]
        for node in nodes.values():
            if node.key != ROOT and kind_of(node.key) is RowKind.PROJECT:
                node.span, node.progress = self._project_figures(id_of(node.key))
        for node in groups:
            self._programme_figures(node)

    def _project_figures(self, project_id: int) -> tuple[tuple[date, date] | None, int]:
        tasks = [self.tasks[task_id] for task_id in self._project_tasks.get(project_id, ())]
        span = _union((task.start, task.finish) for task in tasks)
        leaves = [task for task in tasks if not task.has_children]
        weight = sum(max(task.duration_days, 1) for task in leaves)
        done = sum(max(task.duration_days, 1) * task.percent_complete for task in leaves)
        return span, round(done / weight) if weight else 0

    def refresh(self, tasks: Mapping[int, GanttTask]) -> set[int] | None:
        """Take new versions of `tasks`; the keys whose rows changed, or None when the tree must be rebuilt
        (a task moved in the WBS, or no longer passes the filter as it did)."""
        changed: set[int] = set()
        for task in tasks.values():
            old = self.tasks.get(task.id)
            if old is None or _position(old) != _position(task):
                return None
            if self.filter.filters_tasks and self._matches(old) != self._matches(task):
                return None
        fresh = [task for task in tasks.values() if self.tasks[task.id] != task]
        for task in fresh:
            self.tasks[task.id] = task
            key = key_of(RowKind.TASK, task.id)
            if key in self.nodes:
                self.nodes[key].payload = task
                changed.add(key)
        if fresh:
            self.data = replace(self.data, tasks=tuple(self.tasks.values()))  # still in WBS order
        return changed | self._refresh_parents({task.project_id for task in tasks.values()})

    def _refresh_parents(self, project_ids: Iterable[int]) -> set[int]:
        changed = set()
        for project_id in project_ids:
            key = key_of(RowKind.PROJECT, project_id)
            node = self.nodes.get(key)
            if node is None:
                continue
            figures = self._project_figures(project_id)
            if (node.span, node.progress) != figures:
                node.span, node.progress = figures
                changed |= {key, node.parent}
        for key in [key for key in changed if kind_of(key) is RowKind.PROGRAMME]:
            self._programme_figures(self.nodes[key])
        return changed

    def _programme_figures(self, programme: Node) -> None:
        projects = [self.nodes[child] for child in programme.children]
        programme.span = _union(project.span for project in projects if project.span is not None)
        programme.progress = _mean_progress(projects)


def _position(task: GanttTask) -> tuple[object, ...]:
    return (task.project_id, task.parent_id, task.sort_order, task.has_children, task.wbs, task.depth, task.kind)


def _union(spans: Iterable[tuple[date, date]]) -> tuple[date, date] | None:
    starts, finishes = [], []
    for start, finish in spans:
        starts.append(start)
        finishes.append(finish)
    return (min(starts), max(finishes)) if starts else None


def _mean_progress(nodes: Iterable[Node]) -> int:
    values = [node.progress for node in nodes if node.span is not None]
    return round(sum(values) / len(values)) if values else 0
