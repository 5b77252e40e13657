"""Red team 4, YAML: the fast reader (libyaml through ``safe_load``) against the strict one
(ruamel's pure parser, YAML 1.2), and the DC023 screen. Real repositories and the real CLI."""

from __future__ import annotations

import pytest

from builders import procedure
from doccontrol.load import frontmatter, yaml_source
from doccontrol.problems import Problem
from history_helpers import cli, make_scenario

# NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: line breaks in YAML 1.1 (libyaml), ordinary
# characters in YAML 1.2 (the version DC023 says every file is read as).
BREAKS = {"nel": "\x85", "ls": "\u2028", "ps": "\u2029"}


@pytest.mark.parametrize("char", list(BREAKS.values()), ids=list(BREAKS))
def test_fast_and_strict_readers_agree_on_yaml_1_1_line_breaks(char):
    """A comment followed by NEL/LS/PS and a key is one comment to the strict YAML 1.2 parser
    (which then refuses the file), but a comment and a key to libyaml's fast loader. One file is
    read two ways: ``parse_fast`` (check, site) accepts a key ``parse`` never sees."""
    text = f"title: 测试\n# 备注{char}distribution: [qa]\n"
    fast, strict = yaml_source.parse_fast("x.yaml", text), yaml_source.parse("x.yaml", text)
    assert (fast.data, [p.code for p in fast.problems]) == (
        strict.data,
        [p.code for p in strict.problems],
    )


def test_load_tolerant_agrees_with_parse_on_a_line_separator():
    """History's reader (``load_tolerant``, libyaml) reads a key behind a comment and a U+2028
    that the strict parser does not: an old version's front matter means one thing to the
    history and another (or nothing) to ``parse``."""
    text = "title: 测试\n# 备注\u2028distribution: [qa]\n"
    strict = yaml_source.parse("x.yaml", text)
    tolerant = yaml_source.load_tolerant(text)
    assert tolerant == (strict.data if strict.ok else None)


def test_check_refuses_a_key_hidden_behind_a_comment_and_a_line_separator(tmp_path):
    """An author writes ``# 备注<U+2028>distribution: [qa]``: to YAML 1.2 readers (an editor,
    the forge's front-matter view, doccontrol's own strict parser) a comment, to ``doccontrol
    check`` a key. The check must refuse the file rather than accept the hidden key."""
    s = make_scenario(tmp_path)
    text = procedure(doc_id="SM-P-02", title="隐藏", version="V0.1", status="draft")
    text = text.replace("distribution: [qa]", "# 分发范围\u2028distribution: [qa]")
    s.files.write("docs/procedures/hidden.md", text)
    s.git.commit("新增", who="wangfang")
    split = frontmatter.split("hidden.md", text)
    assert not isinstance(split, Problem)
    assert yaml_source.parse("hidden.md", split.yaml_text).problems  # the strict reader refuses it
    result = cli(s.root, "check")
    assert result.returncode != 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "text",
    [
        "# c\n%YAML 1.1\n---\na: yes\n",
        "a: 1\n...\n%YAML 1.1\n---\na: yes\n",
        "%YAML\t1.1\n---\na: yes\n",
        "# c\u2028%YAML 1.1\n---\na: yes\n",
        "# c\x85%YAML 1.1\n---\na: yes\n",
        "%TAG !e! tag:yaml.org,2002:\n---\na: yes\n",
    ],
    ids=["after-comment", "second-document", "tab", "after-ls", "after-nel", "tag"],
)
def test_a_directive_is_refused_wherever_it_hides(text):
    """A ``%YAML 1.1`` or ``%TAG`` directive after a comment, after a first document, after a
    tab or behind a NEL/LS break makes 'yes' true for the strict parser only. Every reader
    refuses it (DC023) or reads nothing."""
    for parsed in (yaml_source.parse("x", text), yaml_source.parse_fast("x", text)):
        assert parsed.data is None and parsed.problems
    assert yaml_source.load_tolerant(text) is None


@pytest.mark.parametrize(
    "scalar", ["yes", "no", "on", "off", "012", "0o12", "1:20", ".inf", "2026-01-01", "0x1F"]
)
def test_version_dependent_scalars_read_alike(scalar):
    """Scalars whose meaning changed between YAML 1.1 and 1.2 read the same through the fast
    and the strict reader (both fixed to 1.2; timestamps kept as text)."""
    text = f"a: {scalar}\n"
    assert yaml_source.parse_fast("x", text).data == yaml_source.parse("x", text).data
