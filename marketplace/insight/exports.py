"""Tables as CSV and XLSX downloads, safe to open in a spreadsheet.

A text cell starting with =, +, -, @, tab or carriage return would be run as a formula by a spreadsheet (CSV
injection): in CSV it is written after an apostrophe, and in XLSX it is stored as a string, never as a formula.
"""

import csv
import io

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def defused(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(table, heading_rows=()):
    out = io.StringIO()
    writer = csv.writer(out)
    for row in heading_rows:
        writer.writerow([defused(str(value)) for value in row])
    writer.writerow([defused(str(column)) for column in table.columns])
    for row in table.plain_rows():
        writer.writerow([defused(value) for value in row])
    return "\ufeff" + out.getvalue()  # the byte order mark makes Excel read UTF-8 (Urdu, Welsh, Polish names)


def to_xlsx(table, heading_rows=()):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.slug[:31]
    for row in [*heading_rows, [str(column) for column in table.columns], *table.plain_rows()]:
        sheet.append([None] * len(row))
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=sheet.max_row, column=column)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = TYPE_STRING  # never a formula, whatever it starts with
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
