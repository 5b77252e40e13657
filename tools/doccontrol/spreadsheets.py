"""Tables as files a spreadsheet opens: CSV, and Excel workbooks.

Authors write what reaches these cells: a title, a commit subject, a record's summary. A
spreadsheet reads a CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or a
line break before one) as a formula, and a formula can send the sheet's contents to a
URL or start a program when an auditor opens the file ("CSV injection"). In a CSV such a cell
is written with a leading apostrophe, so no spreadsheet takes it for a formula; the apostrophe
shows, and the value is otherwise unchanged. Every CSV cell is quoted: LibreOffice splits on
semicolons and tabs as well as commas, and Excel in many locales on semicolons, so an unquoted
``;`` in a commit subject made columns (and a formula after it) of its own. Characters no
spreadsheet shows (control characters, lone surrogates, U+FFFE and U+FFFF, which also make a
workbook's XML invalid) become U+FFFD. A workbook marks every text cell as text, so its value
stays exact otherwise. The JSON beside each table keeps every value as it is.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Excel refuses a longer cell (and calls the whole file damaged)
MAX_CELL = 32_767
# what a spreadsheet cannot show, or an Excel workbook's XML hold (openpyxl raises on some)
_UNSHOWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def csv_cell(value: Any) -> Any:
    """A cell's value as a CSV gives it: a text a spreadsheet would run behind an apostrophe;
    what no spreadsheet shows as U+FFFD; a carriage return as a line feed (Excel ends a row
    at a bare one, and other readers may split there)."""
    if not isinstance(value, str):
        return value
    value = _UNSHOWABLE.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_text(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """The table as CSV text (what ``--format csv`` prints)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow([csv_cell(h) for h in headers])
    writer.writerows([csv_cell(c) for c in row] for row in rows)
    return buffer.getvalue()


def csv_file(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    """The table as a CSV file: UTF-8 with a byte-order mark, which Excel needs to read
    Chinese correctly."""
    return ("\ufeff" + csv_text(headers, rows)).encode("utf-8")


def workbook_cell(value: Any) -> Any:
    """A cell's value as a workbook can hold it: what it cannot as U+FFFD, and a text Excel
    would refuse cut short, marked with an ellipsis (the CSV and JSON keep it whole)."""
    if not isinstance(value, str):
        return value
    value = _UNSHOWABLE.sub("\ufffd", value)
    return value if len(value) <= MAX_CELL else value[: MAX_CELL - 1] + "…"


def workbook(headers: Sequence[str], rows: Sequence[Sequence[Any]], sheet: str) -> bytes:
    """The table as an Excel workbook of one sheet: bold headers, frozen, columns as wide as
    their content. The same table gives the same bytes (audit packs are compared), so the
    workbook's own timestamps are fixed. Needs openpyxl (the ``xlsx`` extra)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    ws = book.active
    ws.title = sheet
    for number, row in enumerate([headers, *rows], 1):
        for column, value in enumerate(row, 1):
            cell = ws.cell(number, column, workbook_cell(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl makes a text starting with "=" a formula
            if number == 1:
                cell.font = Font(bold=True)
    for i, header in enumerate(headers, 1):
        width = max([len(header) * 2, *(len(str(r[i - 1])) * 2 for r in rows)]) + 2
        ws.column_dimensions[ws.cell(1, i).column_letter].width = min(width, 60)
    ws.freeze_panes = "A2"
    fixed = datetime.datetime(2000, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 (openpyxl stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():  # keep the order: [Content_Types].xml first
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":  # openpyxl sets "modified" to now on save
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", data
                )
            target.writestr(info, data)
    return out.getvalue()
