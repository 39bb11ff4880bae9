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
