"""Ordinary pictures of a public procedure, beside a confidential procedure that has pictures
of its own: every way the README lets a page show a picture (Markdown, a reference from a
table, raw HTML ``<img>``, ``%20`` in the name, a sub-folder, a Chinese file name) is
published, and the confidential figure is not."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"

PICTURES = {
    "docs/procedures/flow.png": "MDMARK",
    "docs/procedures/img/table.png": "TABLEMARK",
    "docs/procedures/img/html.png": "HTMLMARK",
    "docs/procedures/img/flow v2.png": "SPACEMARK",
    "docs/procedures/图片/流程图.png": "CHINESEMARK",
}
PUBLIC_TEXT = """目的。

![流程图](flow.png)

| 步骤 | 图 |
| --- | --- |
| 1 | ![表][t] |

[t]: img/table.png

<img src="../img/html.png" alt="html">

![空格](img/flow%20v2.png)

![中文](图片/流程图.png)
"""


def test_every_way_of_showing_a_public_picture_is_published(scenario, tmp_path):
    s = site_repo(scenario)
    files: dict[str, str | bytes] = {p: png(m.encode()) for p, m in PICTURES.items()}
    files[PUBLIC] = procedure(version="V1.1", body=body(PUBLIC_TEXT))
    approve(s, "cr-public", files, "修订程序", 1)
    approve(s, "cr-secret", {SECRET: secret_doc(text="SECRETBODYMARK\n\n![机密](secret-fig.png)"),
                             "docs/procedures/secret-fig.png": png(b"SECRETFIGMARK")},
            "新增受控文件", 2)  # fmt: skip
    site = built_site(s, tmp_path / "site", strict=True)
    assert leaks(site, ["SECRETBODYMARK", "SECRETFIGMARK"]) == []
    found = {form for _, form in leaks(site, list(PICTURES.values()))}
    assert found == set(PICTURES.values())
