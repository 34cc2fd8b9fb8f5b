"""The budget editor: a project's planned, actual and forecast money for capex, opex and labour, by quarter.

Quarters are columns (the fiscal quarters the project spans, and any period a line already has), the nine
category x measure rows are edited, and three total rows and a total column follow every keystroke. One
undo step saves the whole grid: new lines, changed lines, and lines emptied to nothing are deleted.
"""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from pmo_desktop.domain.enums import BudgetCategory
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.commands.portfolio_commands import save_budget_command
from pmo_desktop.gui.dialogs.form_dialog import FormDialog
from pmo_desktop.gui.dialogs.form_fields import money_text
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.formatting import enum_words, format_date, format_money, parse_money
from pmo_desktop.i18n import tr
from pmo_desktop.services.portfolio_budget import CATEGORIES, project_budget
from pmo_desktop.services.portfolio_operations import BudgetCell
from pmo_desktop.services.portfolio_settings import fiscal_quarter, fiscal_quarter_label, portfolio_settings

MEASURES = ("planned_minor", "actual_minor", "forecast_minor")
_MEASURE_WORDS = {"planned_minor": "planned", "actual_minor": "actual", "forecast_minor": "forecast"}
_EDITED_ROWS = len(CATEGORIES) * len(MEASURES)
_TOTAL_FILL = QColor("#f1f3f6")
_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class BudgetDialog(FormDialog):
    """Edit the budget lines of one project as a grid.

    Signals: only those of QDialog.
    """

    FORM = "budget_form"

    def __init__(self, document: Document, project_id: int, parent: QWidget | None = None) -> None:
        budget = project_budget(document.workspace, project_id)
        super().__init__(document, tr("Budget: {code} {name}", code=budget.code, name=budget.name), parent)
        self.budget = budget
        self._fiscal_month = portfolio_settings(document.workspace).fiscal_year_start_month
        self.grid = self.field(QTableWidget, "grid")
        self.totals = self.field(QLabel, "totals")
        self.field(QLabel, "projectNote").setText(
            tr(
                "Approved budget {budget}. Edit the amounts of each quarter; totals follow as you type.",
                budget=format_money(budget.budget_minor, budget.currency),
            )
        )
        self._filling = True
        self._build()
        self._filling = False
        self._update_totals()
        self.grid.itemChanged.connect(self._on_item_changed)
        self.resize(min(1200, 260 + 104 * (len(budget.periods) + 1)), 560)

    @property
    def periods(self) -> tuple[date, ...]:
        return self.budget.periods

    def row_of(self, category: BudgetCategory, measure: str) -> int:
        return CATEGORIES.index(category) * len(MEASURES) + MEASURES.index(measure)

    def _build(self) -> None:
        grid = self.grid
        grid.setColumnCount(len(self.periods) + 1)
        grid.setRowCount(_EDITED_ROWS + len(MEASURES))
        grid.setHorizontalHeaderLabels([self._period_label(period) for period in self.periods] + [tr("Total")])
        labels = [
            f"{enum_words(category)} · {tr(_MEASURE_WORDS[measure])}" for category in CATEGORIES for measure in MEASURES
        ]
        labels += [tr("Total {measure}", measure=tr(_MEASURE_WORDS[measure])) for measure in MEASURES]
        grid.setVerticalHeaderLabels(labels)
        for row in range(grid.rowCount()):
            for column in range(grid.columnCount()):
                grid.setItem(row, column, self._cell(row, column))
        header = grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        grid.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def _period_label(self, period: date) -> str:
        first, last = fiscal_quarter(period, self._fiscal_month)
        if period != first:
            return format_date(period)
        return f"{fiscal_quarter_label(period, self._fiscal_month)}\n{first:%b}–{last:%b %Y}"

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = QTableWidgetItem()
        item.setTextAlignment(_ALIGN)
        editable = row < _EDITED_ROWS and column < len(self.periods)
        if editable:
            category, measure = CATEGORIES[row // len(MEASURES)], MEASURES[row % len(MEASURES)]
            minor = int(getattr(self.budget.cell(self.periods[column], category), measure))
            item.setText(money_text(minor))
        else:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setBackground(_TOTAL_FILL)
            font = QFont()
            font.setBold(row >= _EDITED_ROWS)
            item.setFont(font)
        return item

    def set_amount(self, period: date, category: BudgetCategory, measure: str, text: str) -> None:
        """Type `text` into one cell (as a user would)."""
        self.grid.item(self.row_of(category, measure), self.periods.index(period)).setText(text)

    def _amount(self, row: int, column: int) -> int:
        text = self.grid.item(row, column).text().strip()
        if not text:
            return 0
        try:
            return parse_money(text)
        except ValidationError:
            category, measure = CATEGORIES[row // len(MEASURES)], MEASURES[row % len(MEASURES)]
            raise ValidationError(
                tr(
                    "'{typed}' is not an amount ({category} {measure}, {period}).",
                    typed=text,
                    category=enum_words(category).lower(),
                    measure=tr(_MEASURE_WORDS[measure]),
                    period=self._period_label(self.periods[column]).replace("\n", " "),
                )
            ) from None

    def cells(self) -> dict[tuple[date, BudgetCategory], BudgetCell]:
        grid: dict[tuple[date, BudgetCategory], BudgetCell] = {}
        for column, period in enumerate(self.periods):
            for position, category in enumerate(CATEGORIES):
                first = position * len(MEASURES)
                amounts = [self._amount(first + offset, column) for offset in range(len(MEASURES))]
                grid[(period, category)] = BudgetCell(*amounts)
        return grid

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if not self._filling and item.row() < _EDITED_ROWS:
            self._update_totals()

    def _update_totals(self) -> None:
        self._filling = True
        try:
            sums = self._sums()
        except ValidationError as error:
            self.show_error(str(error))
            self._filling = False
            return
        self.error.hide()
        currency = self.budget.currency
        for (row, column), value in sums.items():
            self.grid.item(row, column).setText(format_money(value, currency) if value else "")
        self._filling = False
        forecast = sum(
            value for (row, column), value in sums.items() if row == _EDITED_ROWS + 2 and column == len(self.periods)
        )
        self._show_summary(forecast)

    def _sums(self) -> dict[tuple[int, int], int]:
        sums: dict[tuple[int, int], int] = {}
        last = len(self.periods)
        for row in range(_EDITED_ROWS):
            amounts = [self._amount(row, column) for column in range(last)]
            sums[(row, last)] = sum(amounts)
            for column, amount in enumerate(amounts):
                total_row = _EDITED_ROWS + row % len(MEASURES)
                sums[(total_row, column)] = sums.get((total_row, column), 0) + amount
        for offset in range(len(MEASURES)):
            sums[(_EDITED_ROWS + offset, last)] = sum(sums[(_EDITED_ROWS + offset, column)] for column in range(last))
        return sums

    def _show_summary(self, forecast: int) -> None:
        budget, currency = self.budget.budget_minor, self.budget.currency
        if not budget:
            self.totals.setText(
                tr("Forecast {forecast}; the project has no budget yet.", forecast=format_money(forecast, currency))
            )
            return
        difference = forecast - budget
        verdict = (
            tr(
                "{amount} over budget ({percent:+.1f} %)",
                amount=format_money(difference, currency),
                percent=100 * difference / budget,
            )
            if difference > 0
            else tr("within budget by {amount}", amount=format_money(-difference, currency))
        )
        self.totals.setText(
            tr(
                "Forecast {forecast} against a budget of {budget}: {verdict}.",
                forecast=format_money(forecast, currency),
                budget=format_money(budget, currency),
                verdict=verdict,
            )
        )
        self.totals.setProperty("over", difference > 0)
        self.totals.style().unpolish(self.totals)
        self.totals.style().polish(self.totals)

    def command(self) -> DocumentCommand | None:
        grid = self.cells()
        unchanged = all(self.budget.cell(period, category) == cell for (period, category), cell in grid.items())
        if unchanged:
            return None
        return save_budget_command(self.document, self.budget.project_id, grid, self.budget.code)
