"""A table of figures, shown on a page, drawn as a chart and downloaded as CSV or XLSX from the same rows."""

from dataclasses import dataclass, field

from .suppression import Figure


@dataclass
class Table:
    slug: str
    caption: str
    columns: list  # headings; the first names the rows
    rows: list = field(default_factory=list)  # [label, Figure, Figure, ...]
    chart_column: int | None = None  # the column drawn as bars, if any
    note: str = ""

    @property
    def has_suppressed(self):
        return any(isinstance(cell, Figure) and cell.suppressed for row in self.rows for cell in row)

    def plain_rows(self):
        """Rows as downloads hold them: labels and numbers, suppressed cells as their words."""
        for row in self.rows:
            yield [_plain(cell) for cell in row]


def _plain(cell):
    if isinstance(cell, Figure):
        if cell.suppressed or cell.value is None:
            return cell.display
        return cell.value
    return str(cell)


@dataclass(frozen=True)
class Bar:
    label: str
    figure: Figure
    y: int
    width: int  # out of CHART_WIDTH


CHART_WIDTH = 300
BAR_HEIGHT = 22
BAR_GAP = 8


def bars(table):
    """The chart column's figures as bars scaled to the largest one; suppressed figures get no bar."""
    if table.chart_column is None:
        return []
    figures = [(str(row[0]), row[table.chart_column]) for row in table.rows]
    largest = max(
        (f.value for _label, f in figures if not f.suppressed and isinstance(f.value, int | float)), default=0
    )
    result = []
    for index, (label, figure) in enumerate(figures):
        value = figure.value if isinstance(figure.value, int | float) and not figure.suppressed else 0
        width = round(CHART_WIDTH * value / largest) if largest else 0
        result.append(Bar(label, figure, index * (BAR_HEIGHT + BAR_GAP), max(width, 1 if value else 0)))
    return result


def chart_height(table):
    return max(len(table.rows), 1) * (BAR_HEIGHT + BAR_GAP)


@dataclass(frozen=True)
class Range:
    """One row of a price chart: the middle half of prices as a bar, the median as a tick, the rate as a line."""

    label: str
    y: int
    start: int
    width: int
    median: int
    rate: int | None
    shown: bool  # False when the row's figures are suppressed or missing


def ranges(table, low=3, median=4, high=5, rate=6):
    """Price ranges for a table whose columns `low`, `median`, `high` and `rate` hold prices."""

    def number(cell):
        return float(cell.value) if not cell.suppressed and cell.value is not None else None

    rows = [
        (str(row[0]), number(row[low]), number(row[median]), number(row[high]), number(row[rate])) for row in table.rows
    ]
    largest = max((value for row in rows for value in row[1:] if value is not None), default=0) * 1.1
    if not largest:
        return []

    def x(value):
        return round(CHART_WIDTH * value / largest)

    result = []
    for index, (label, q1, q2, q3, dp) in enumerate(rows):
        shown = None not in (q1, q2, q3)
        result.append(
            Range(
                label,
                index * (BAR_HEIGHT + BAR_GAP),
                x(q1) if shown else 0,
                max(x(q3) - x(q1), 2) if shown else 0,
                x(q2) if shown else 0,
                x(dp) if dp is not None else None,
                shown,
            )
        )
    return result
