"""Held attacks of round 104.

- A hidden text in a mixed approval that names its figure only through a Mermaid form a script
  reads (``click A href "…"``, ``style A fill:url(…)``, ``classDef`` with ``url(…)``,
  ``%%{init}%%`` ``themeCSS`` with ``url(…)``): the figure is the secret's, and a later public
  approval that shows it publishes nothing.
- Secret pixels first brought by a self-approved merge (赵磊 writes and approves it): no approved
  public change decided the bytes, so the later public page that shows that first name gets
  nothing.
- ``head_holds`` with the id written in quotes in the renamed file: still read, the evil
  removal is flagged.
- A hidden text of 1 MB of picture-like words, escapes and entities: ``images_named`` stays
  linear (seconds, not minutes)."""

from __future__ import annotations

import time

import pytest
from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc
from rt99_helpers import codes, signed_note, trusting

from doccontrol import page_links
from site_helpers import site_repo

SECRET_PIXELS = b"SECRETPIXELSMARK"
FIG = "docs/procedures/fig.png"
PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"

MERMAID = {
    "click-href": 'flowchart LR\n  A-->B\n  click A href "fig.png"',
    "style-url": "flowchart LR\n  A-->B\n  style A fill:url(fig.png)",
    "classdef-url": "flowchart LR\n  A-->B\n  classDef pic fill:url(fig.png)\n  class A pic",
    "themecss": '%%{init: {"themeCSS": ".node rect{fill:url(fig.png)}"}}%%\nflowchart LR\n  A-->B',
}


@pytest.mark.parametrize("form", list(MERMAID))
def test_held_a_figure_named_only_in_a_mermaid_script_form_is_kept_back(scenario, tmp_path, form):
    s = site_repo(scenario)
    text = f"SECRETBODYMARK\n\n```mermaid\n{MERMAID[form]}\n```"
    approve(s, "cr-mixed", {FIG: png(SECRET_PIXELS), SECRET: secret_doc(text=text),
            PUBLIC: procedure(version="V1.1", body=body("措辞修订。"))},
            "新增受控文件并修订措辞", 1)  # fmt: skip
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.2", body=body("见下图。\n\n![图](fig.png)"))},
            "公开流程图", 2)  # fmt: skip
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_held_bytes_a_self_approved_merge_brought_first_stay_unpublished(scenario, tmp_path):
    s = site_repo(scenario)
    s.git.branch("cr-early")
    s.files.write("docs/procedures/early.png", png(SECRET_PIXELS))
    s.files.write(PUBLIC, procedure(version="V1.1", body=body("草图。")))
    s.git.commit("草图（草稿）", who="zhaolei")
    s.git.merge("cr-early", "草图", number=1, approvers=("zhaolei",))
    approve(s, "cr-mixed", {FIG: png(SECRET_PIXELS),
            SECRET: secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)"),
            PUBLIC: procedure(version="V1.2", body=body("措辞修订。"))},
            "新增受控文件并修订措辞", 2)  # fmt: skip
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.3", body=body("见下图。\n\n![图](early.png)"))},
            "公开流程图", 3)  # fmt: skip
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_held_a_renamed_document_with_a_quoted_id_keeps_the_removal_flagged(tmp_path):
    doc, new = "docs/procedures/test.md", "docs/procedures/01-test.md"
    s, forge = trusting(tmp_path)
    s.git.branch("cr-7")
    s.git.run("mv", doc, new, who="zhaolei")
    path = s.root / new
    path.write_text(path.read_text("utf-8").replace("id: SM-P-01", "id: 'SM-P-01'  ", 1), "utf-8")
    head = s.git.commit("变更 7", who="zhaolei")
    s.git.checkout("main")
    s.git.run("merge", "--no-ff", "--no-commit", "-q", "cr-7", who="zhaolei")
    s.git.run("rm", "-q", "-f", new, who="zhaolei")
    s.git.run("commit", "-q", "-m", "Merge pull request #7 from team/cr-7\n\n变更 7",
              who="zhaolei", date=s.git.next_date())  # fmt: skip
    merged = s.git.head()
    signed_note(s, tmp_path, forge, 7, head, merged)
    revs = [r for r in s.history().documents["SM-P-01"].revisions if r.commit == merged]
    assert [r for r in revs if r.approved and not codes(r)] == []


def test_held_a_megabyte_hidden_text_is_read_in_linear_time():
    parts = [f"w{i}.png" if i % 3 else f'"q\\x{i % 256:02x}#46;png&amp;{i}"' for i in range(90000)]
    text = " ".join(parts)
    assert len(text) > 1_000_000
    started = time.monotonic()
    found = page_links.images_named([(SECRET, text)], None)
    assert "docs/procedures/w1.png" in found
    assert time.monotonic() - started < 20
