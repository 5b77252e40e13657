"""Held: the ways the brief asks about to have MkDocs open another configuration than the one
history reads (all pass)."""

from __future__ import annotations

from rt41_helpers import approve
from rt70_helpers import trail_strict, yaml_site

from doccontrol.history import rules_paths

PUSHED = "def on_startup(**kwargs):\n    open('/tmp/rt70-ran', 'w').close()\n"


def test_removing_mkdocs_yml_after_a_pushed_mkdocs_yaml_still_fails_the_gate(tmp_path):
    """mkdocs.yaml pushed directly (naming a pushed hook) while mkdocs.yml is in force, then an
    approved change removes mkdocs.yml: MkDocs would open the pushed mkdocs.yaml, and
    history reads no site configuration at all, but the push stays DC516 (mkdocs.yaml is
    controlled) and `trail --strict` fails."""
    s = yaml_site(tmp_path, name="mkdocs.yml")
    text = (s.root / "mkdocs.yml").read_text("utf-8")
    s.files.write("mkdocs.yaml", text + "  - pushed/hook.py\n")
    s.files.write("pushed/hook.py", PUSHED)
    s.git.commit("备用配置", who="zhaolei")
    s.git.branch("cr-rename")
    (s.root / "mkdocs.yml").unlink()
    s.git.commit("改用 mkdocs.yaml（草稿）", who="zhaolei")
    s.git.merge("cr-rename", "改用 mkdocs.yaml", number=3, approvers=("liujing", "chenmy"))
    trail = trail_strict(s)
    assert trail.returncode != 0
    assert "mkdocs.yaml" in trail.stdout


def test_control_an_approved_mkdocs_yaml_passes_the_gate(tmp_path):
    s = yaml_site(tmp_path)
    approve(s, "cr-doc", {"site_hooks/pages.py": "x = 1\n"}, "改钩子", 2)
    assert trail_strict(s).returncode == 0


def test_an_inherit_loop_between_the_two_names_is_read_to_its_end():
    """mkdocs.yml INHERITs mkdocs.yaml, which INHERITs mkdocs.yml (MkDocs itself recurses
    until RecursionError: no build): history reads both once, and each names its hook."""
    files = {
        "mkdocs.yaml": b"INHERIT: mkdocs.yml\nhooks: [b/h.py]\n",
    }

    def read(path: str) -> rules_paths.Opened:
        return rules_paths.Opened(path, files.get(path), ())

    named = rules_paths.named_paths(b"INHERIT: mkdocs.yaml\nhooks: [a/h.py]\n", read)
    assert named.controls("a/h.py") and named.controls("b/h.py")
    other = rules_paths.named_paths(
        b"INHERIT: mkdocs.yml\nhooks: [b/h.py]\n",
        lambda p: rules_paths.Opened(p, b"INHERIT: mkdocs.yaml\nhooks: [a/h.py]\n", ()),
        "mkdocs.yaml",
    )
    assert other.controls("a/h.py") and other.controls("b/h.py")
