"""Templates an adopter overrides from the theme's custom_dir, the site's language, and record
values shown as labels: real `mkdocs build` on small real repositories."""

from __future__ import annotations

import json
import shutil

from builders import PROJECT
from doccontrol import catalogue
from doccontrol.site.templates import PACKAGE_TEMPLATES
from site_helpers import built, mkdocs

ZH = catalogue.load("zh")  # the site's language when doccontrol.yml does not say

PRIORITY_LABELS = {
    "P1": {"zh": "P1 紧急", "en": "P1 Critical"},
    "P2": {"zh": "P2 高", "en": "P2 High"},
    "P3": {"zh": "P3 中", "en": "P3 Medium"},
    "P4": {"zh": "P4 低", "en": "P4 Low"},
}


def site_repo(scenario, custom_dir=None, controlled=True):
    """The scenario with the project's mkdocs.yml (and a custom_dir), an incident schema whose
    priority has labels, and one record: what an adopter's repository holds."""
    mkdocs = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    if custom_dir:
        mkdocs = mkdocs.replace(
            "  name: material\n", f"  name: material\n  custom_dir: {custom_dir}\n"
        )
    if custom_dir and controlled:
        # the overrides decide what pages say: approved like the configuration
        config = scenario.root / "doccontrol.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace(
                "approval:\n", f"approval:\n  controlled_paths: [{custom_dir}/]\n", 1
            ),
            encoding="utf-8",
        )
    (scenario.root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    schema_path = scenario.root / "schemas/records/incident.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["priority"]["x-doccontrol"] = {"labels": PRIORITY_LABELS}
    schema["properties"]["opened_at"] = {
        "title": "受理时间",
        "type": "string",
        "format": "date-time",
    }
    schema_path.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    scenario.files.record(
        "INC-2026-0001",
        extra="assignee: zhaolei\nopened_at: '2026-03-09T09:42:00+08:00'\n",
    )
    scenario.git.commit("站点配置与记录", date="2026-01-01T11:00:00+08:00")
    return scenario


def test_a_template_in_custom_dir_replaces_the_shipped_one(scenario, tmp_path):
    s = site_repo(scenario, custom_dir="overrides")
    shipped = (PACKAGE_TEMPLATES / "doccontrol/control-block.html").read_text(encoding="utf-8")
    override = s.root / "overrides/doccontrol/control-block.html"
    override.parent.mkdir(parents=True)
    # the adopter's logo line above the shipped block, with a value from the page's data
    override.write_text(
        '<p class="org-logo">示例信息 受控文件 {{ document.id }}</p>\n' + shipped,
        encoding="utf-8",
    )
    s.git.commit("模板", date="2026-01-01T12:00:00+08:00")
    site = built(s.root, tmp_path / "site")
    page = (site / "procedures/test/index.html").read_text(encoding="utf-8")
    assert '<p class="org-logo">示例信息 受控文件 SM-P-01</p>' in page
    assert 'class="dc-control-table"' in page  # the rest of the block is still the shipped one
    # only that template is replaced: the record page still renders from the package
    record = (site / "records/incident/INC-2026-0001/index.html").read_text(encoding="utf-8")
    assert "org-logo" not in record and "dc-record" in record


def test_an_override_with_a_missing_variable_fails_the_build_naming_the_template(
    scenario, tmp_path
):
    s = site_repo(scenario, custom_dir="overrides")
    override = s.root / "overrides/doccontrol/record.html"
    override.parent.mkdir(parents=True)
    override.write_text("<p>记录</p>\n<p>{{ recrod_type.name }}</p>\n", encoding="utf-8")
    s.git.commit("模板", date="2026-01-01T12:00:00+08:00")
    result = mkdocs(s.root, tmp_path / "site")
    output = result.stderr
    assert result.returncode != 0
    assert "doccontrol/record.html" in output and "第 2 行" in output, output
    assert "recrod_type" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site/records/incident/INC-2026-0001/index.html").exists()


def test_the_chinese_site_shows_labels_names_and_readable_times(scenario, tmp_path):
    s = site_repo(scenario)
    site = built(s.root, tmp_path / "site")
    record = (site / "records/incident/INC-2026-0001/index.html").read_text(encoding="utf-8")
    assert "<td>P2 高</td>" in record
    assert "<td>赵磊</td>" in record and "zhaolei" not in record
    assert "<td>2026-03-09 09:42</td>" in record and "T09:42" not in record
    index = (site / "records/index.html").read_text(encoding="utf-8")
    assert "<td>P2 高</td>" in index
    form = (site / "forms/incident/index.html").read_text(encoding="utf-8")
    assert "☐ P1 紧急 ☐ P2 高 ☐ P3 中 ☐ P4 低" in form
    assert "文件编号" in (site / "procedures/test/index.html").read_text(encoding="utf-8")


def test_a_site_built_with_language_en_speaks_english(scenario, tmp_path):
    s = site_repo(scenario)
    config = s.root / "doccontrol.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nlanguage: en\n", encoding="utf-8")
    # committed (before control): the work tree's own edit is not main's and decides nothing
    s.git.commit("英文站点", date="2026-01-01T12:00:00+08:00")
    site = built(s.root, tmp_path / "site")
    page = (site / "procedures/test/index.html").read_text(encoding="utf-8")
    for label in ("Document no.", "Confidentiality", "Change history", "Approved by"):
        assert label in page, label
    for chinese in ("文件编号", "变更履历", "批准证据", "打印件为非受控文件"):
        assert chinese not in page, chinese
    assert "Internal" in page  # the confidentiality level's English word
    record = (site / "records/incident/INC-2026-0001/index.html").read_text(encoding="utf-8")
    assert "<td>P2 High</td>" in record
    assert "Back to the record index" in record
    form = (site / "forms/incident/index.html").read_text(encoding="utf-8")
    assert "☐ P1 Critical" in form and "Fields marked * are required" in form
    register = (site / "registers/documents/index.html").read_text(encoding="utf-8")
    assert "Document register" in register and "Procedure" in register
    assert "Obsolete and withdrawn documents" in register
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Recent approvals" in home or "Effective documents" in home


def test_override_values_are_still_escaped(scenario, tmp_path):
    """An override sees the same data: a hostile record title stays text in it."""
    s = site_repo(scenario, custom_dir="overrides")
    record = s.root / "records/incident/INC-2026-0001.yaml"
    record.write_text(
        record.read_text(encoding="utf-8").replace(
            "title: 数据库连接超时", "title: \"<script>alert('t')</script>\""
        ),
        encoding="utf-8",
    )
    override = s.root / "overrides/doccontrol/record.html"
    override.parent.mkdir(parents=True)
    shutil.copy(PACKAGE_TEMPLATES / "doccontrol/record.html", override)
    site = built(s.root, tmp_path / "site")
    html = (site / "records/incident/INC-2026-0001/index.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in html


def test_overrides_outside_the_controlled_paths_are_not_used(scenario, tmp_path):
    """A template decides what the control block says: one a direct push could change is
    refused (strict) or left unused with a warning naming the fix."""
    s = site_repo(scenario, custom_dir="overrides", controlled=False)
    override = s.root / "overrides/doccontrol/control-block.html"
    override.parent.mkdir(parents=True)
    override.write_text('<p class="fake">已批准 {{ document.id }}</p>\n', encoding="utf-8")
    result = mkdocs(s.root, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    warning = ZH.text(
        "site.plugin.templates.uncontrolled", folder="overrides", config="doccontrol.yml"
    )
    assert warning in result.stderr
    page = (tmp_path / "site/procedures/test/index.html").read_text(encoding="utf-8")
    assert 'class="fake"' not in page and 'class="dc-control-table"' in page
    strict = mkdocs(s.root, tmp_path / "strict", strict=True)
    assert strict.returncode != 0
    assert "approval.controlled_paths" in strict.stderr


def test_an_override_changed_by_a_direct_push_is_not_used(scenario, tmp_path):
    """Red team: the override folder is a controlled path, but a direct (unapproved) commit
    replaced the banner template with nothing, so an unapproved page lost its 存在未经批准的更改
    banner. What nobody approved is never used: the shipped templates speak, with a warning
    (strict builds stop)."""
    s = site_repo(scenario, custom_dir="overrides")
    banner = s.root / "overrides/doccontrol/banner.html"
    banner.parent.mkdir(parents=True)
    banner.write_text(
        (PACKAGE_TEMPLATES / "doccontrol/banner.html").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    s.git.commit("站点模板覆盖", date="2026-01-01T12:00:00+08:00")  # before control began
    # after control began, one direct push: the document changed and the banner silenced
    text = (s.root / "docs/procedures/test.md").read_text(encoding="utf-8")
    (s.root / "docs/procedures/test.md").write_text(text + "\n新增一段。\n", encoding="utf-8")
    banner.write_text("{# nothing to see #}\n", encoding="utf-8")
    s.git.commit("直接修改", who="zhaolei")
    result = mkdocs(s.root, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "overrides/doccontrol/banner.html" in result.stderr and "有未经批准的修改" in (
        result.stderr
    )
    page = (tmp_path / "site/procedures/test/index.html").read_text(encoding="utf-8")
    assert "存在未经批准的更改" in page
    assert mkdocs(s.root, tmp_path / "strict", strict=True).returncode != 0
