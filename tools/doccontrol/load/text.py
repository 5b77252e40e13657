"""Decode a file's bytes into text, reporting what a controlled file must not contain."""

from __future__ import annotations

from dataclasses import dataclass

from doccontrol.problems import Problem

MAX_FILE_BYTES = 1024 * 1024  # controlled files are prose and data; megabytes mean a mistake


@dataclass(frozen=True)
class DecodedText:
    text: str | None  # None when the file cannot be read as text at all
    problems: tuple[Problem, ...]


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


def decode(path: str, data: bytes) -> DecodedText:
    problems: list[Problem] = []
    if len(data) > MAX_FILE_BYTES:
        size = len(data) / (1024 * 1024)
        return DecodedText(
            None,
            (
                Problem(
                    path, 1, 1, "DC006", f"file is {size:.1f} MiB; the limit is 1 MiB: not checked"
                ),
            ),
        )
    if not data.strip():
        return DecodedText(None, (Problem(path, 1, 1, "DC005", "file is empty"),))
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(
            Problem(
                path,
                1,
                1,
                "DC002",
                "file starts with a byte-order mark; save it as UTF-8 without BOM",
            )
        )
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        byte = data[exc.start : exc.start + 1].hex()
        problems.append(
            Problem(
                path,
                line,
                col,
                "DC001",
                f"byte 0x{byte} is not valid UTF-8; save the file as UTF-8",
            )
        )
        return DecodedText(None, tuple(problems))
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        problems.append(
            Problem(path, line, 1, "DC003", "file has CRLF (Windows) line ends; use LF line ends")
        )
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return DecodedText(text, tuple(problems))
