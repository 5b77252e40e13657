"""Round 111, the round-110 fix of ``approved_images.brought_by_hidden``: a picture a mixed
approval's hidden text names is the secret's only when no public document that approval holds
shows it, read by ``page_links.images_used`` (``_shown_by_public``). ``images_used`` is
generous on purpose (what it finds is published, what it misses is left out: the closed side
for a public page). Used as the exception to secrecy, its generosity is the open side: a
public text that shows no picture on its page (an indented code block, a ``src=`` in prose)
now makes a secret procedure's figure public, bytes and all.

One merge (one approval) adds confidential SM-P-07 with its figure ``secret-fig.png`` and a
revision of public SM-P-01 that mentions the figure's name in a way its page shows as text.
"""

from __future__ import annotations

import pytest
from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"
FIG = "docs/procedures/secret-fig.png"
SECRET_TEXT = "SECRETBODYMARK\n\n![机密](secret-fig.png)"

# what the public page shows as text (no image, no link), yet images_used counts
AS_TEXT = {
    # an indented code block: the page shows the Markdown as code
    "indented-code": "目的。\n\n示例（代码）：\n\n    ![图](secret-fig.png)\n\n完。",
    # an HTML attribute written in prose: the page shows the words
    "src-in-prose": "目的。\n\n配置项写作 src=secret-fig.png 即可。\n\n完。",
}
# the control: a fenced code block, which shown_text drops
FENCED = "目的。\n\n示例（代码）：\n\n```\n![图](secret-fig.png)\n```\n\n完。"


def mixed_approval(scenario, public_text: str):
    s = site_repo(scenario)
    approve(s, "cr-joint", {PUBLIC: procedure(version="V1.1", body=body(public_text)),
                            SECRET: secret_doc(text=SECRET_TEXT),
                            FIG: png(b"SECRETFIGMARK")}, "年度评审", 1)  # fmt: skip
    return s


@pytest.mark.parametrize("way", sorted(AS_TEXT))
def test_a_name_shown_as_text_keeps_the_secret_figure_off_the_site(scenario, tmp_path, way):
    s = mixed_approval(scenario, AS_TEXT[way])
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, ["SECRETFIGMARK"]) == []


def test_control_a_fenced_mention_keeps_the_secret_figure_off_the_site(scenario, tmp_path):
    s = mixed_approval(scenario, FENCED)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK", "SECRETFIGMARK"]) == []
    assert (site / "procedures").is_dir()
