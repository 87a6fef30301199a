# Reads a workbook as a clerk's third-party tool would (openpyxl), and prints what it sees as JSON.
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({sheet.title: {
    "merged": sorted(str(merged) for merged in sheet.merged_cells.ranges),
    "rows": [[cell.value for cell in row] for row in sheet.iter_rows()],
    "formats": [[cell.number_format for cell in row] for row in sheet.iter_rows()],
} for sheet in book.worksheets}, ensure_ascii=False, default=str))
