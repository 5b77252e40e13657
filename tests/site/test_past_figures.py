"""A figure a hidden document showed in an earlier version: the 审批记录 and the audit pack
never name it, even where it was approved in a merge of public text only and no hidden
document's text names it today (built with the real `mkdocs build` and `audit-pack`)."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from builders import png, procedure
from history_helpers import body
from site_helpers import leaks, mkdocs, site_repo

FIGURE = "docs/procedures/acme-merger-map.png"
MARK = "acme-merger-map"


def _secret(version: str, text: str) -> str:
    return procedure(doc_id="SM-P-07", title="尽调程序", version=version, body=body(text)).replace(
        "confidentiality: internal", "confidentiality: secret"
    )


def _approve(s, branch: str, files: dict[str, str | bytes], title: str, number: int) -> None:
    s.git.branch(branch)
    for rel, content in files.items():
        s.files.write(rel, content)
    s.git.commit(f"{title}（草稿）", who="zhaolei")
    s.git.merge(branch, title, number=number, approvers=("liujing", "chenmy"))


def _repository(scenario, then: dict[str, str | bytes | None]):
    """A secret SM-P-07 whose V1.0 shows the figure; the figure itself comes in with a public
    revision of SM-P-01 (all the merge's text is public); then ``then`` (None: delete)."""
    s = site_repo(scenario)
    shows = f"![](acme-merger-map.png)\n\n{MARK} 的说明。"
    _approve(s, "cr-secret", {"docs/procedures/secret.md": _secret("V1.0", shows)}, "新增", 1)
    public = procedure(version="V1.1", body=body("公开的修订。"))
    _approve(s, "cr-public", {"docs/procedures/test.md": public, FIGURE: png(b"m")}, "修订", 2)
    s.git.branch("cr-later")
    for rel, content in then.items():
        if content is None:
            s.git.run("rm", "-q", rel)
        else:
            s.files.write(rel, content)
    s.git.commit("之后（草稿）", who="zhaolei")
    s.git.merge("cr-later", "之后", number=3, approvers=("liujing", "chenmy"))
    return s


def _pack(root, out) -> str:
    result = subprocess.run(
        [
            *(sys.executable, "-m", "doccontrol", "audit-pack"),
            *("--from", "2026-01-01", "--to", "2026-12-31", "-o", str(out)),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    with zipfile.ZipFile(out) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


def test_a_figure_a_secret_document_no_longer_shows_is_not_named(scenario, tmp_path):
    s = _repository(scenario, {"docs/procedures/secret.md": _secret("V1.1", "不再有图。")})
    site = tmp_path / "site"
    result = mkdocs(s.root, site, True)
    assert result.returncode == 0, result.stderr
    assert (site / "registers/approvals/index.html").is_file()
    assert leaks(site, [MARK]) == []
    assert MARK not in _pack(s.root, tmp_path / "pack.zip")


def test_a_figure_of_a_withdrawn_secret_document_is_not_named(scenario, tmp_path):
    s = _repository(scenario, {"docs/procedures/secret.md": None})
    site = tmp_path / "site"
    result = mkdocs(s.root, site, True)
    assert result.returncode == 0, result.stderr
    assert leaks(site, [MARK]) == []
    assert MARK not in _pack(s.root, tmp_path / "pack.zip")


def test_a_figure_a_public_document_showed_stays_named(scenario, tmp_path):
    """The same figure shown only by the public SM-P-01's V1.1 is evidence the trail keeps."""
    s = site_repo(scenario)
    public = procedure(version="V1.1", body=body("![](acme-merger-map.png)"))
    _approve(s, "cr-public", {"docs/procedures/test.md": public, FIGURE: png(b"m")}, "修订", 1)
    _approve(s, "cr-secret", {"docs/procedures/secret.md": _secret("V1.0", "无图。")}, "新增", 2)
    newer = procedure(version="V1.2", body=body("图已删除。"))
    _approve(s, "cr-newer", {"docs/procedures/test.md": newer}, "再修订", 3)
    site = tmp_path / "site"
    result = mkdocs(s.root, site, True)
    assert result.returncode == 0, result.stderr
    assert MARK in (site / "registers/approvals/index.html").read_text("utf-8")
