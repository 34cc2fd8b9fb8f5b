"""The columns of the portfolio overview and what each shows of a project row and of a programme row:
text, tooltip, sort key and tone. Pure functions of the overview's read model; the model only dispatches.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pmo_desktop.gui.formatting import enum_words, format_date, format_money
from pmo_desktop.i18n import tr
from pmo_desktop.services.portfolio_queries import OverviewRow, ProgrammeGroup
from pmo_desktop.services.status_queries import DIMENSIONS, RagReading, RagTrend, rag_severity

_TREND_WORDS = {
    RagTrend.BETTER: "better",
    RagTrend.WORSE: "worse",
    RagTrend.SAME: "no change",
    RagTrend.NEW: "first report",
}
_STAGE_ORDER = ("proposed", "approved", "active", "on_hold", "closed", "cancelled")


@dataclass(frozen=True)
class OverviewColumn:
    """A column: `key` for code and settings, `header` untranslated, `numeric` aligns right; `rag` names the
    report dimension a RAG column shows; `hidden` columns start hidden (the header menu shows them)."""

    key: str
    header: str
    numeric: bool = False
    rag: str | None = None
    hidden: bool = False
    width: int = 90


COLUMNS: tuple[OverviewColumn, ...] = (
    OverviewColumn("code", "Code", width=72),
    OverviewColumn("name", "Project", width=290),
    OverviewColumn("stage", "Stage", width=70),
    OverviewColumn("manager", "Manager", width=110),
    OverviewColumn("sponsor", "Sponsor", width=110, hidden=True),
    OverviewColumn("start", "Start", width=86),
    OverviewColumn("finish", "Finish", width=86),
    OverviewColumn("baseline", "Baseline", width=86),
    OverviewColumn("slip", "Slip", numeric=True, width=52),
    OverviewColumn("progress", "Complete", width=86),
    OverviewColumn("budget", "Budget", numeric=True, width=64),
    OverviewColumn("actual", "Actual", numeric=True, width=64, hidden=True),
    OverviewColumn("forecast", "Forecast", numeric=True, width=70),
    OverviewColumn("variance", "Variance", numeric=True, width=70, hidden=True),
    OverviewColumn("cpi", "CPI", numeric=True, width=48, hidden=True),
    OverviewColumn("spi", "SPI", numeric=True, width=48, hidden=True),
    OverviewColumn("overall", "Overall", rag="overall", width=60),
    OverviewColumn("schedule", "Sched.", rag="schedule", width=54),
    OverviewColumn("cost", "Cost", rag="cost", width=46),
    OverviewColumn("scope", "Scope", rag="scope", width=52),
    OverviewColumn("resource", "Res.", rag="resource", width=44),
    OverviewColumn("objectives", "Objectives", width=86),
)
"""In display order. Start, finish and baseline are the project's dates from its tasks and its latest
baseline; money reads in thousands or millions (the tooltip has the exact amount)."""

KEYS = tuple(column.key for column in COLUMNS)


def column_index(key: str) -> int:
    return KEYS.index(key)


def _signed_days(days: int | None) -> str:
    if days is None:
        return ""
    return tr("on time") if days == 0 else f"{days:+d} d"


def _ratio(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.0f} %"


def _objectives(row: OverviewRow) -> str:
    if not row.aligned:
        return tr("none")
    return " · ".join(link.code for link in row.objectives if link.weight > 0)


def compact_money(minor: int | None, currency: str) -> str:
    """An amount to three significant figures in thousands or millions ("£912k", "£2.87m", "−£12k")."""
    if minor is None:
        return ""
    sign = "−" if minor < 0 else ""
    size = abs(minor) / 100
    if size >= 1_000_000:
        millions = size / 1_000_000
        digits = f"{millions:.2f}m" if millions < 10 else f"{millions:.1f}m" if millions < 100 else f"{millions:,.0f}m"
    elif size >= 10_000:
        digits = f"{size / 1_000:.0f}k"
    else:
        return sign + format_money(round(abs(minor), -2), currency)
    # The currency's own form of one unit ("£1", "CHF 1") with the digits put in place of the 1.
    return sign + format_money(100, currency).replace("1", digits, 1)


def _date_key(value: date | None) -> int:
    return value.toordinal() if value is not None else 0


_ProjectText = Callable[[OverviewRow, str], str]

_PROJECT_TEXT: dict[str, _ProjectText] = {
    "code": lambda row, _c: row.code,
    "name": lambda row, _c: row.name,
    "stage": lambda row, _c: enum_words(row.stage),
    "manager": lambda row, _c: row.manager_name,
    "sponsor": lambda row, _c: row.sponsor_name,
    "start": lambda row, _c: format_date(row.start),
    "finish": lambda row, _c: format_date(row.forecast_finish),
    "baseline": lambda row, _c: format_date(row.baseline_finish),
    "slip": lambda row, _c: _signed_days(row.slip_days),
    "progress": lambda row, _c: _percent(row.percent_complete),
    "budget": lambda row, currency: compact_money(row.budget_minor, currency),
    "actual": lambda row, currency: compact_money(row.actual_minor, currency),
    "forecast": lambda row, currency: compact_money(row.forecast_minor, currency),
    "variance": lambda row, currency: compact_money(row.budget_variance_minor, currency),
    "cpi": lambda row, _c: _ratio(row.earned_value.cpi),
    "spi": lambda row, _c: _ratio(row.earned_value.spi),
    "objectives": lambda row, _c: _objectives(row),
}


def project_text(key: str, row: OverviewRow, currency: str) -> str:
    """What a project cell shows; RAG cells are painted, so their text is the RAG word (for sorting, copying)."""
    reading = row.reading(key) if key in DIMENSIONS else None
    if key in DIMENSIONS:
        return enum_words(reading.rag) if reading is not None else ""
    return _PROJECT_TEXT[key](row, currency)


def project_sort_key(key: str, row: OverviewRow, currency: str) -> Any:
    """One key type per column: numbers and dates by magnitude, stages in life-cycle order, RAG by severity."""
    if key in DIMENSIONS:
        reading = row.reading(key)
        return -1 if reading is None else rag_severity(reading.rag)
    numbers: dict[str, float | None] = {
        "slip": row.slip_days,
        "progress": row.percent_complete,
        "budget": row.budget_minor,
        "actual": row.actual_minor,
        "forecast": row.forecast_minor,
        "variance": row.budget_variance_minor,
        "cpi": row.earned_value.cpi,
        "spi": row.earned_value.spi,
    }
    if key in numbers:
        value = numbers[key]
        return float("-inf") if value is None else float(value)
    dates = {"start": row.start, "finish": row.forecast_finish, "baseline": row.baseline_finish}
    if key in dates:
        return _date_key(dates[key])
    if key == "stage":
        return _STAGE_ORDER.index(row.stage.value)
    return project_text(key, row, currency).casefold()


def project_tone(key: str, row: OverviewRow) -> str | None:
    """ "bad" for a late finish, an overspend or an index below 1; "good" for an early finish."""
    if key == "slip" and row.slip_days:
        return "bad" if row.slip_days > 0 else "good"
    if key in ("forecast", "variance") and row.over_budget:
        return "bad"
    if key == "objectives" and not row.aligned:
        return "bad"
    value = {"cpi": row.earned_value.cpi, "spi": row.earned_value.spi}.get(key)
    if value is not None and value < 0.95:
        return "bad"
    return None


def rag_tooltip(dimension: str, reading: RagReading | None, row: OverviewRow) -> str:
    if reading is None or row.status is None:
        return tr("No status report yet.")
    latest = row.status.latest
    label = latest.period_label or format_date(latest.period_end)
    words = tr(
        "{dimension}: {rag} in the {period} report ({trend}).",
        dimension=tr(dimension.capitalize()),
        rag=enum_words(reading.rag).lower(),
        period=label,
        trend=tr(_TREND_WORDS[reading.trend]),
    )
    if reading.previous is not None and reading.trend is not RagTrend.SAME:
        words += " " + tr("Previously {rag}.", rag=enum_words(reading.previous).lower())
    if dimension == "overall" and latest.comment:
        words += "\n\n" + latest.comment
    return words


def project_tooltip(key: str, row: OverviewRow, currency: str) -> str:
    if key in DIMENSIONS:
        return rag_tooltip(key, row.reading(key), row)
    explain: Callable[[OverviewRow, str], str] | None = None
    if key in ("slip", "baseline", "finish") and row.baseline_finish is not None:
        explain = _slip_tooltip
    elif key in ("progress", "cpi", "spi") and row.earned_value.percent_complete is not None:
        explain = _earned_value_tooltip
    elif key in ("budget", "actual", "forecast", "variance") and row.forecast_minor is not None:
        explain = _money_tooltip
    elif key in ("code", "name") and row.tentative:
        explain = lambda row, _currency: tr("{name} is tentative: not yet committed.", name=row.name)  # noqa: E731
    elif key == "objectives":
        explain = _objectives_tooltip
    return explain(row, currency) if explain is not None else project_text(key, row, currency)


def _slip_tooltip(row: OverviewRow, _currency: str) -> str:
    return tr(
        "Forecast finish {forecast} against {baseline} in the baseline '{name}': {slip}.",
        forecast=format_date(row.forecast_finish),
        baseline=format_date(row.baseline_finish),
        name=row.baseline_name,
        slip=_signed_days(row.slip_days) or tr("not measured"),
    )


def _money_tooltip(row: OverviewRow, currency: str) -> str:
    return tr(
        "Budget {budget}; planned {planned}, actual to date {actual}, forecast {forecast} (variance {variance}).",
        budget=format_money(row.budget_minor, currency),
        planned=format_money(row.planned_minor, currency),
        actual=format_money(row.actual_minor, currency),
        forecast=format_money(row.forecast_minor, currency),
        variance=format_money(row.budget_variance_minor, currency),
    )


def _objectives_tooltip(row: OverviewRow, _currency: str) -> str:
    if not row.aligned:
        return tr("Serves no strategic objective.")
    return "\n".join(f"{link.code} {link.title}: {link.weight} %" for link in row.objectives)


def _earned_value_tooltip(row: OverviewRow, currency: str) -> str:
    value = row.earned_value
    lines = [
        tr("{percent} complete (duration-weighted over the leaf tasks).", percent=_percent(value.percent_complete))
    ]
    if value.planned_percent is not None:
        lines.append(tr("Planned by now in the baseline: {percent}.", percent=_percent(value.planned_percent)))
    if value.earned_value_minor is not None:
        lines.append(
            tr(
                "EV {ev} · PV {pv} · AC {ac}",
                ev=format_money(value.earned_value_minor, currency),
                pv=format_money(value.planned_value_minor, currency) or "–",
                ac=format_money(value.actual_cost_minor, currency),
            )
        )
        lines.append(tr("CPI {cpi} · SPI {spi}", cpi=_ratio(value.cpi) or "–", spi=_ratio(value.spi) or "–"))
    return "\n".join(lines)


def programme_text(key: str, group: ProgrammeGroup, currency: str) -> str:
    """What a programme row shows: its name, how many projects, its manager, span and money."""
    count = len(group.rows)
    projects = tr("1 project") if count == 1 else tr("{count} projects", count=count)
    texts: dict[str, Callable[[], str]] = {
        "name": lambda: f"{group.name}  ·  {projects}",
        "manager": lambda: group.manager_name,
        "sponsor": lambda: group.sponsor_name,
        "start": lambda: format_date(group.start),
        "finish": lambda: format_date(group.forecast_finish),
        "budget": lambda: compact_money(group.budget_minor, currency),
        "actual": lambda: compact_money(group.actual_minor, currency),
        "forecast": lambda: compact_money(group.forecast_minor, currency),
        "overall": lambda: enum_words(group.worst_overall),
    }
    return texts[key]() if key in texts else ""


def programme_sort_key(key: str, group: ProgrammeGroup, currency: str) -> Any:
    numbers = {"budget": group.budget_minor, "actual": group.actual_minor, "forecast": group.forecast_minor}
    if key in numbers:
        return float(numbers[key])
    if key in ("start", "finish"):
        return _date_key(group.start if key == "start" else group.forecast_finish)
    if key == "overall":
        return -1 if group.worst_overall is None else rag_severity(group.worst_overall)
    if key in DIMENSIONS or key in ("slip", "progress", "variance", "cpi", "spi", "stage"):
        return float("-inf")
    return programme_text(key, group, currency).casefold()
