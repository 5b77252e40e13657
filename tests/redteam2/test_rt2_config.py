"""Red team, round 2: configuration planted in the work tree or by a direct commit (mkdocs.yml,
the theme's custom_dir, MkDocs hooks, CI and hook definitions). Real repositories, the real
`mkdocs build` and CLI; each test fails while its hole is open."""

from __future__ import annotations

import pytest
from rt2_helpers import (
    APPROVED_TEXT,
    FORGED_TEXT,
    SECRET_TEXT,
    SECRET_TITLE,
    build,
    site_scenario,
    site_text,
)

from doccontrol.site.templates import PACKAGE_TEMPLATES
from history_helpers import cli

# an adopter's theme tweak, approved at adoption: Material's main.html, extended as documented
MAIN_HTML = '{% extends "base.html" %}\n'
# the same file after one direct push: the approved text is shown as something else
FORGED_MAIN_HTML = (
    '{% extends "base.html" %}\n'
    "{% block content %}"
    f'{{{{ super() | replace("{APPROVED_TEXT}", "{FORGED_TEXT}") }}}}'
    "{% endblock %}\n"
)
CUSTOM_DIR = ("  name: material\n", "  name: material\n  custom_dir: overrides\n")


def test_material_template_in_custom_dir_changed_by_a_direct_push_rewrites_an_approved_page(
    tmp_path,
):
    """The adopter's mkdocs.yml (approved) names custom_dir: overrides for a Material tweak; an
    author pushes overrides/main.html straight to main, replacing the approved text of SM-P-01.
    doccontrol vets only overrides/doccontrol/, so trail --strict and the CI's strict build pass
    and the site shows the forged text under a control block saying V1.0 is approved."""
    s = site_scenario(tmp_path, CUSTOM_DIR, {"overrides/main.html": MAIN_HTML})
    (s.root / "overrides/main.html").write_text(FORGED_MAIN_HTML, encoding="utf-8")
    s.git.commit("主题微调", who="zhaolei")
    result = build(s.root, tmp_path / "site", strict=True)
    page = tmp_path / "site/procedures/test/index.html"
    shown = page.read_text(encoding="utf-8") if page.is_file() else ""
    assert result.returncode != 0 or FORGED_TEXT not in shown, result.stderr


def test_controlled_overrides_changed_by_a_direct_push_still_drive_the_desk_build(tmp_path):
    """overrides/ is a controlled path and holds doccontrol/ templates; a direct push changes
    overrides/main.html. A non-strict build warns that the shipped templates are used until
    the change is approved, yet Material still renders the unapproved main.html, forged text
    and all: only doccontrol's own templates were set aside."""
    s = site_scenario(
        tmp_path,
        CUSTOM_DIR,
        {
            "overrides/main.html": MAIN_HTML,
            "overrides/doccontrol/banner.html": (
                PACKAGE_TEMPLATES / "doccontrol/banner.html"
            ).read_text(encoding="utf-8"),
        },
    )
    s.set_config("approval:\n", "approval:\n  controlled_paths: [overrides/]\n")
    s.git.commit("模板覆盖纳入受控", who="wangfang", date="2026-01-01T12:00:00+08:00")
    (s.root / "overrides/main.html").write_text(FORGED_MAIN_HTML, encoding="utf-8")
    s.git.commit("主题微调", who="zhaolei")
    result = build(s.root, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert "nobody approved" in result.stderr  # the warning promises the shipped templates
    shown = (tmp_path / "site/procedures/test/index.html").read_text(encoding="utf-8")
    assert FORGED_TEXT not in shown


def test_mkdocs_hook_file_changed_by_a_direct_push_rewrites_every_page(tmp_path):
    """The approved mkdocs.yml lists an adopter's hook (hooks: [site_hooks.py]), an ordinary
    file outside the controlled paths. A direct push turns it into Python that rewrites every
    page's HTML; nothing reports it and the CI's strict build publishes the forged text."""
    s = site_scenario(
        tmp_path,
        ("plugins:\n", "hooks:\n  - site_hooks.py\nplugins:\n"),
        {"site_hooks.py": "def on_page_content(html, **kwargs):\n    return html\n"},
    )
    (s.root / "site_hooks.py").write_text(
        "def on_post_page(output, **kwargs):\n"
        f"    return output.replace({APPROVED_TEXT!r}, {FORGED_TEXT!r})\n",
        encoding="utf-8",
    )
    s.git.commit("站点钩子", who="zhaolei")
    trail = cli(s.root, "trail", "--strict")
    result = build(s.root, tmp_path / "site", strict=True)
    page = tmp_path / "site/procedures/test/index.html"
    shown = page.read_text(encoding="utf-8") if page.is_file() else ""
    published = result.returncode == 0 and FORGED_TEXT in shown
    assert trail.returncode != 0 or not published, trail.stdout + result.stderr


def test_unapproved_mkdocs_yml_switches_off_the_strict_build_the_ci_asks_for(tmp_path):
    """CI asks for a strict build with DOCCONTROL_STRICT=true, but the plugin reads that only
    through `strict: !ENV [...]` in mkdocs.yml, the file it is meant to judge. A direct push
    writing `strict: false` (and a script from anywhere) turns the CI's strict build into a
    lenient one that publishes the unapproved mkdocs.yml with a zero exit."""
    s = site_scenario(tmp_path)
    mkdocs_yml = s.root / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    text = text.replace("strict: !ENV [DOCCONTROL_STRICT, false]", "strict: false")
    text += "extra_javascript:\n  - https://cdn.evil.example/approved-badges.js\n"
    mkdocs_yml.write_text(text, encoding="utf-8")
    s.git.commit("站点配置调整", who="zhaolei")
    result = build(s.root, tmp_path / "site", strict=True)
    assert result.returncode != 0, result.stderr


def test_mermaid_js_option_copies_a_secret_document_into_the_site(tmp_path):
    """The plugin copies whatever file `mermaid_js` names to assets/vendor/mermaid.min.js. A
    direct push to mkdocs.yml pointing it at the secret SM-P-07 puts the secret's text on the
    site of any build that is not strict (`make site`, a desk, `mkdocs serve`): publishing is
    supposed to fail closed whatever the build mode."""
    s = site_scenario(tmp_path)
    mkdocs_yml = s.root / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    text = text.replace(
        "      strict: !ENV [DOCCONTROL_STRICT, false]",
        "      strict: !ENV [DOCCONTROL_STRICT, false]\n"
        "      mermaid_js: docs/procedures/secret.md",
    )
    mkdocs_yml.write_text(text, encoding="utf-8")
    s.git.commit("图表脚本路径", who="zhaolei")
    result = build(s.root, tmp_path / "site", strict=False)
    everything = site_text(tmp_path / "site") if (tmp_path / "site").is_dir() else ""
    assert SECRET_TEXT not in everything and SECRET_TITLE not in everything, result.stderr


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (".github/workflows/doccontrol.yml", "on: push\njobs: {}\n"),
        (".gitlab-ci.yml", "pages:\n  script: [mkdocs build --site-dir public]\n"),
        (".pre-commit-config.yaml", "repos: []\n"),
        ("pyproject.toml", "[project]\nname = 'doccontrol'\nversion = '0.0.0'\n"),
    ],
    ids=["github-workflow", "gitlab-ci", "pre-commit-config", "pyproject"],
)
def test_a_direct_push_to_what_runs_the_checks_is_not_reported(tmp_path, path, text):
    """The shipped CI runs the checks the repository itself defines (the workflow, the
    pre-commit hooks, `pip install -e .` of the pushed commit). An author pushes straight to
    main a version that no longer checks anything; `trail --strict` passes, since none of these
    files is a controlled path, so the gate that should report it is the one removed."""
    s = site_scenario(tmp_path)
    (s.root / path).parent.mkdir(parents=True, exist_ok=True)
    (s.root / path).write_text(text, encoding="utf-8")
    s.git.commit("CI 调整", who="zhaolei")
    trail = cli(s.root, "trail", "--strict")
    assert trail.returncode != 0, trail.stdout + trail.stderr


def _fresh_clone_after_make_vendor(s, tmp_path):
    """A fresh clone, as CI checks it out, after the Makefile's own vendor rule has run (as a
    dry run: the rule is a file target, so a file already in the checkout is never fetched)."""
    import subprocess

    from builders import PROJECT

    clone = tmp_path / "ci"
    subprocess.run(["git", "clone", "-q", str(s.root), str(clone)], check=True)
    plan = subprocess.run(
        ["make", "-n", "-f", str(PROJECT / "Makefile"), "-C", str(clone), "vendor"],
        capture_output=True,
        text=True,
        check=False,
    )
    return clone, plan.stdout


def test_committed_vendored_mermaid_symlink_publishes_a_secret_document(tmp_path):
    """.cache/ is ignored, not forbidden: `git add -f` commits .cache/vendor/mermaid.min.js as a
    symlink to the secret SM-P-07. `make vendor` (a file target) then fetches nothing in CI,
    the plugin follows the link, and the CI's strict build publishes the secret's text as
    assets/vendor/mermaid.min.js; no controlled path changed, so nothing reports it."""
    s = site_scenario(tmp_path)
    vendored = s.root / ".cache/vendor/mermaid.min.js"
    vendored.unlink()
    vendored.symlink_to("../../docs/procedures/secret.md")
    s.git.run("add", "-f", ".cache/vendor/mermaid.min.js")
    s.git.commit("图表脚本", who="zhaolei")
    clone, plan = _fresh_clone_after_make_vendor(s, tmp_path)
    assert "npm pack --silent mermaid" not in plan, plan  # CI would not replace it
    result = build(clone, tmp_path / "site", strict=True)
    everything = site_text(tmp_path / "site") if (tmp_path / "site").is_dir() else ""
    assert SECRET_TEXT not in everything, result.stderr


def test_committed_vendored_mermaid_script_runs_on_every_page_of_the_strict_site(tmp_path):
    """The same path committed as a script: every page loads it (extra_javascript), so it can
    redraw any control block as approved or remove the 未经批准 banner in the reader's browser.
    trail --strict and the CI's strict build pass; the script is nobody's approved text."""
    s = site_scenario(tmp_path)
    forged = "document.querySelectorAll('.dc-banner').forEach(function(b){b.remove();});\n"
    (s.root / ".cache/vendor/mermaid.min.js").write_text(forged, encoding="utf-8")
    s.git.run("add", "-f", ".cache/vendor/mermaid.min.js")
    s.git.commit("图表脚本", who="zhaolei")
    clone, plan = _fresh_clone_after_make_vendor(s, tmp_path)
    assert "npm pack --silent mermaid" not in plan, plan
    trail = cli(clone, "trail", "--strict")
    result = build(clone, tmp_path / "site", strict=True)
    script = tmp_path / "site/assets/vendor/mermaid.min.js"
    published = result.returncode == 0 and script.is_file() and script.read_text() == forged
    assert trail.returncode != 0 or not published, trail.stdout + result.stderr


@pytest.mark.parametrize(
    "attributes",
    ["*.md text eol=crlf\n", "*.md working-tree-encoding=UTF-16LE-BOM\n"],
    ids=["eol-crlf", "utf-16"],
)
def test_gitattributes_pushed_directly_stops_every_fresh_clone_from_publishing(
    tmp_path, attributes
):
    """A direct push adds one line of .gitattributes (not a controlled path; the documents'
    blobs do not change, so history sees nothing). Every fresh checkout, the CI's included,
    now writes each document in CRLF or UTF-16: `check` fails on all of them and the strict
    build publishes nothing, while `trail --strict` says all is well."""
    import subprocess

    s = site_scenario(tmp_path)
    (s.root / ".gitattributes").write_text(attributes, encoding="utf-8")
    s.git.run("add", ".gitattributes")
    s.git.run("commit", "-q", "-m", "规范换行", who="zhaolei", date=s.git.next_date())
    clone = tmp_path / "ci"
    subprocess.run(["git", "clone", "-q", str(s.root), str(clone)], check=True)
    (clone / ".cache/vendor").mkdir(parents=True)
    (clone / ".cache/vendor/mermaid.min.js").write_bytes(
        (s.root / ".cache/vendor/mermaid.min.js").read_bytes()
    )
    trail = cli(clone, "trail", "--strict")
    result = build(clone, tmp_path / "site", strict=True)
    assert trail.returncode != 0 or result.returncode == 0, result.stderr[-2000:]


def test_material_template_in_custom_dir_reads_a_secret_document_out_of_the_plugin(tmp_path):
    """The same uncontrolled overrides/main.html needs no file access to leak: MkDocs hands
    every template `config`, and config.plugins holds the doccontrol plugin with the whole
    loaded repository, secret documents included. One line prints SM-P-07's text into every
    page of the CI's strict build."""
    s = site_scenario(tmp_path, CUSTOM_DIR, {"overrides/main.html": MAIN_HTML})
    (s.root / "overrides/main.html").write_text(
        '{% extends "base.html" %}\n{% block footer %}'
        "{% for d in config.plugins['doccontrol'].repo.documents %}{{ d.body }}{% endfor %}"
        "{{ super() }}{% endblock %}\n",
        encoding="utf-8",
    )
    s.git.commit("页脚", who="zhaolei")
    result = build(s.root, tmp_path / "site", strict=True)
    everything = site_text(tmp_path / "site") if (tmp_path / "site").is_dir() else ""
    assert SECRET_TEXT not in everything, result.stderr
