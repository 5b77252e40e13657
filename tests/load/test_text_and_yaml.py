"""Bad bytes and hostile YAML: each reported with its code, line and column, never a crash."""

from __future__ import annotations

import random

from doccontrol.load import frontmatter, text, yaml_source


def codes(problems: object) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.code) for p in problems]  # type: ignore[attr-defined]


def test_valid_utf8_passes_through() -> None:
    decoded = text.decode("a.yml", "名称: 变更\n".encode())
    assert decoded.text == "名称: 变更\n"
    assert decoded.problems == ()


def test_byte_order_mark_is_reported_and_stripped() -> None:
    decoded = text.decode("a.yml", b"\xef\xbb\xbfa: 1\n")
    assert decoded.text == "a: 1\n"
    assert codes(decoded.problems) == [(1, 1, "DC002")]


def test_crlf_reported_at_first_crlf_line_and_normalised() -> None:
    decoded = text.decode("a.yml", b"a: 1\nb: 2\r\nc: 3\r\n")
    assert decoded.text == "a: 1\nb: 2\nc: 3\n"
    assert codes(decoded.problems) == [(2, 1, "DC003")]


def test_non_utf8_byte_position() -> None:
    decoded = text.decode("a.yml", b"a: 1\nb: caf\xe9\n")
    assert decoded.text is None
    assert codes(decoded.problems) == [(2, 7, "DC001")]
    assert "0xe9" in decoded.problems[0].message


def test_empty_and_whitespace_only_files() -> None:
    assert codes(text.decode("a.yml", b"").problems) == [(1, 1, "DC005")]
    assert codes(text.decode("a.yml", b"  \n\n").problems) == [(1, 1, "DC005")]


def test_file_of_many_megabytes_is_refused_without_reading_it_as_yaml() -> None:
    decoded = text.decode("a.yml", b"a: " + b"x" * (3 * 1024 * 1024))
    assert decoded.text is None
    assert codes(decoded.problems) == [(1, 1, "DC006")]
    assert "3.0 MiB" in decoded.problems[0].message


def test_positions_of_keys_and_values_are_one_based_and_offset() -> None:
    parsed = yaml_source.parse("f.md", "id: X\nlist:\n  - a\n  - b\n", first_line=2)
    assert parsed.data == {"id": "X", "list": ["a", "b"]}
    assert parsed.positions.of_key(("id",)) == (2, 1)
    assert parsed.positions.of_value(("id",)) == (2, 5)
    assert parsed.positions.of_value(("list", 1)) == (5, 5)


def test_dates_stay_text_so_impossible_dates_reach_the_schema() -> None:
    parsed = yaml_source.parse("f.yml", "d: 2026-02-30\n")
    assert parsed.data == {"d": "2026-02-30"}
    assert parsed.problems == ()


def test_yaml_12_booleans_and_numbers() -> None:
    parsed = yaml_source.parse("f.yml", "a: yes\nb: true\nc: 12\nd: 1.5\ne: null\n")
    assert parsed.data == {"a": "yes", "b": True, "c": 12, "d": 1.5, "e": None}


def test_alias_refused_at_alias() -> None:
    parsed = yaml_source.parse("f.yml", "a: &x [1, 2]\nb: *x\n")
    assert parsed.data is None
    assert codes(parsed.problems) == [(2, 4, "DC009")]


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    parsed = yaml_source.parse("f.yml", bomb)
    assert parsed.data is None
    assert [p.code for p in parsed.problems] == ["DC009"]


def test_duplicate_key_points_at_second_occurrence() -> None:
    parsed = yaml_source.parse("f.yml", "id: A\ntitle: x\nid: B\n", first_line=2)
    assert codes(parsed.problems) == [(4, 1, "DC008")]
    assert "'id'" in parsed.problems[0].message


def test_tab_indentation() -> None:
    parsed = yaml_source.parse("f.yml", "a:\n\tb: 1\n")
    assert codes(parsed.problems) == [(2, 1, "DC004")]


def test_syntax_error_line() -> None:
    parsed = yaml_source.parse("f.yml", "a: 1\nb: [1, 2\nc: 3\n")
    assert [p.code for p in parsed.problems] == ["DC007"]
    assert parsed.problems[0].line >= 2


def test_deep_nesting_does_not_crash() -> None:
    parsed = yaml_source.parse("f.yml", "[" * 20000)
    assert codes(parsed.problems) == [(1, 65, "DC016")]


def test_non_text_key_is_reported() -> None:
    parsed = yaml_source.parse("f.yml", "? [a, b]\n: 1\n")
    assert [p.code for p in parsed.problems] == ["DC014"]


def test_front_matter_missing_and_unterminated() -> None:
    missing = frontmatter.split("d.md", "# 标题\n")
    assert (missing.line, missing.code) == (1, "DC010")  # type: ignore[union-attr]
    open_only = frontmatter.split("d.md", "---\nid: X\n")
    assert (open_only.line, open_only.code) == (1, "DC011")  # type: ignore[union-attr]


def test_front_matter_split_lines() -> None:
    split = frontmatter.split("d.md", "---\nid: X\n---\n## 1 目的\n")
    assert isinstance(split, frontmatter.FrontMatterSplit)
    assert split.yaml_text == "id: X\n"
    assert split.yaml_first_line == 2
    assert split.body_first_line == 4
    assert split.body == "## 1 目的\n"


def _split_by_lines(text: str) -> tuple[str, int, str, int] | str:
    """The definition ``frontmatter.split`` implements by searching: the first line is '---',
    the front matter runs to the next line that is '---' or '...' (trailing spaces allowed)."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return "DC010"
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            yaml_text = "\n".join(lines[1:index]) + "\n"
            return yaml_text, 2, "\n".join(lines[index + 1 :]), index + 2
    return "DC011"


def test_front_matter_split_agrees_with_its_line_by_line_definition() -> None:
    rng = random.Random(3)
    pieces = ["---", "...", "--- ", "---\r", "----", "x: 1", "", "  ", "# h", "---\u3000", " ---"]
    for _ in range(20000):
        text = "\n".join(rng.choice(pieces) for _ in range(rng.randint(0, 7)))
        text += "\n" if rng.random() < 0.3 else ""
        got = frontmatter.split("d.md", text)
        if isinstance(got, frontmatter.FrontMatterSplit):
            found: tuple[str, int, str, int] | str = (
                got.yaml_text,
                got.yaml_first_line,
                got.body,
                got.body_first_line,
            )
        else:
            found = got.code
        assert found == _split_by_lines(text), repr(text)
        # history's split without line numbers cuts exactly the same pieces
        expected = None if isinstance(found, str) else (found[0], found[2])
        assert frontmatter.split_text(text) == expected, repr(text)


def test_fast_path_reads_every_shipped_file_exactly_like_the_strict_parser():
    from builders import PROJECT
    from doccontrol.load.frontmatter import FrontMatterSplit, split

    checked = 0
    for path in [
        *PROJECT.glob("docs/**/*.md"),
        *PROJECT.glob("records/**/*.yaml"),
        PROJECT / "doccontrol.yml",
    ]:
        text = path.read_text(encoding="utf-8")
        first = 1
        if path.suffix == ".md":
            parts = split(str(path), text)
            assert isinstance(parts, FrontMatterSplit)
            text, first = parts.yaml_text, parts.yaml_first_line
        fast, strict = yaml_source.parse_fast("f", text, first), yaml_source.parse("f", text, first)
        assert fast.data == strict.data, path
        assert fast.positions.of_value(("id",)) == strict.positions.of_value(("id",))
        checked += 1
    assert checked > 80


def test_fast_path_defers_to_the_strict_parser_for_anything_unusual():
    for source, code in (
        ("a: &x 1\nb: *x\n", "DC009"),
        ("a: 1\na: 2\n", "DC008"),
        ("? [a]\n: 1\n", "DC014"),
        ("a: [1\n", "DC007"),
    ):
        assert [p.code for p in yaml_source.parse_fast("f", source).problems] == [code]
    assert yaml_source.parse_fast("f", "d: 2026-02-30\n").data == {"d": "2026-02-30"}
