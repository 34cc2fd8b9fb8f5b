"""The row controller (KDGantt's term): which tree row sits on which line of the chart, and what it shows.

The chart's lines are the tree's expanded rows in display order. They are walked from the model's plain
nodes, asking the tree view only whether a row with children is expanded, and cached until the tree
expands, collapses, filters or reloads. Each line's `ChartRow` is cached too and dropped when the model
says that row changed, so a repaint builds nothing but what is new.
"""

from PySide6.QtWidgets import QTreeView

from pmo_desktop.domain.enums import SchedulingMode, TaskKind
from pmo_desktop.gui.models.gantt_columns import owns_conflict
from pmo_desktop.gui.models.gantt_rows import ROOT, Node, RowKind, id_of, key_of, kind_of
from pmo_desktop.gui.models.gantt_tree_model import GanttTreeModel
from pmo_desktop.gui.views.gantt.gantt_scene import ChartLink, ChartRow, Shape
from pmo_desktop.gui.views.gantt.link_index import LinkIndex
from pmo_desktop.services.gantt_queries import GanttLink, GanttTask


class RowLayout:
    """The chart's lines for one tree view over a `GanttTreeModel`."""

    def __init__(self, model: GanttTreeModel, tree: QTreeView) -> None:
        self._model = model
        self._tree = tree
        self._keys: list[int] | None = None
        self._position: dict[int, int] = {}
        self._rows: dict[int, ChartRow] = {}
        self._links: LinkIndex | None = None
        self._chart_links: dict[int, ChartLink] = {}  # dropped with any row: a link holds both of its rows

    # -- invalidation -----------------------------------------------------------------------------------

    def invalidate(self) -> None:
        """The lines changed (expansion, filter, reload): walk them again when next asked."""
        self._keys = None
        self._rows.clear()
        self._links = None
        self._chart_links.clear()

    def forget(self, keys: set[int]) -> None:
        """These rows show something new (dates, progress, names)."""
        for key in keys:
            self._rows.pop(key, None)
        self._chart_links.clear()

    # -- lines ------------------------------------------------------------------------------------------

    @property
    def keys(self) -> list[int]:
        if self._keys is None:
            self._keys = self._walk()
            self._position = {key: line for line, key in enumerate(self._keys)}
        return self._keys

    def __len__(self) -> int:
        return len(self.keys)

    def line_of(self, key: int) -> int | None:
        self.keys  # noqa: B018 - lays the lines out first if needed
        return self._position.get(key)

    def line_of_task(self, task_id: int) -> int | None:
        return self.line_of(key_of(RowKind.TASK, task_id))

    def row(self, line: int) -> ChartRow:
        """What line `line` shows."""
        key = self.keys[line]
        cached = self._rows.get(key)
        if cached is None:
            cached = self._rows[key] = _chart_row(self._model, self._model.tree.node(key), line)
        return cached

    def rows(self, lines: range) -> list[ChartRow]:
        return [self.row(line) for line in lines]

    def links_crossing(self, lines: range) -> list[ChartLink]:
        """The links whose arrows cross `lines`, both ends laid out."""
        if self._links is None:
            row_of_task = {id_of(key): line for key, line in self._position_map().items() if _is_task(key)}
            self._links = LinkIndex(self._model.data_model.links, row_of_task)
        made = self._chart_links
        return [made.get(link.id) or self._chart_link(link) for link in self._links.crossing(lines.start, lines.stop)]

    def _chart_link(self, link: GanttLink) -> ChartLink:
        before = self.row(self._position[key_of(RowKind.TASK, link.predecessor_id)])
        after = self.row(self._position[key_of(RowKind.TASK, link.successor_id)])
        # Critical when both ends are (as `gantt_data` decides), read from the rows so it follows every edit.
        made = self._chart_links[link.id] = ChartLink(
            link.id, link.type, before.critical and after.critical, before, after
        )
        return made

    def _position_map(self) -> dict[int, int]:
        self.keys  # noqa: B018 - lays the lines out first if needed
        return self._position

    def _walk(self) -> list[int]:
        nodes = self._model.tree.nodes
        keys: list[int] = []
        pending = list(reversed(nodes[ROOT].children))
        while pending:
            key = pending.pop()
            keys.append(key)
            children = nodes[key].children
            if children and self._tree.isExpanded(self._model.index_of_key(key)):
                pending.extend(reversed(children))
        return keys


def _is_task(key: int) -> bool:
    return kind_of(key) is RowKind.TASK


def _chart_row(model: GanttTreeModel, node: Node, line: int) -> ChartRow:
    payload = node.payload
    if isinstance(payload, GanttTask):
        return _task_row(model, node, payload, line)
    kind = kind_of(node.key)
    start, finish = node.span if node.span is not None else (None, None)
    if kind is RowKind.PROJECT:
        project = model.tree.projects[id_of(node.key)]
        return ChartRow(
            line,
            node.key,
            Shape.PROJECT,
            model.tree.project_name(project.id),
            start,
            finish,
            progress=node.progress,
            colour=project.colour,
        )
    colour = getattr(payload, "colour", "#52606d")
    return ChartRow(
        line,
        node.key,
        Shape.PROGRAMME,
        model.tree.programme_name(node),
        start,
        finish,
        progress=node.progress,
        colour=colour,
    )


def _task_row(model: GanttTreeModel, node: Node, task: GanttTask, line: int) -> ChartRow:
    if task.kind is TaskKind.MILESTONE:
        shape = Shape.MILESTONE
    elif task.has_children or task.kind is TaskKind.SUMMARY:
        shape = Shape.SUMMARY
    else:
        shape = Shape.BAR
    baseline = None
    if task.baseline_start is not None and task.baseline_finish is not None:
        baseline = (task.baseline_start, task.baseline_finish)
    project = model.tree.projects.get(task.project_id)
    return ChartRow(
        line,
        node.key,
        shape,
        task.name,
        task.start,
        task.finish,
        task_id=task.id,
        progress=task.percent_complete,
        critical=task.critical,
        colour=project.colour if project is not None else "#4c6ef5",
        baseline=baseline,
        conflict=task.conflict,
        owns_conflict=owns_conflict(task),
        manual=task.scheduling is SchedulingMode.MANUAL,
    )
