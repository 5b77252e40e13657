"""A copy's images come from Git, from the tree its cover's approval vouched for: a figure
changed afterwards by a commit nobody approved never reaches the copy, and an image the body
points at outside docs/ is left out and named."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader

from history_helpers import body, cli, make_scenario


def _png(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, format="PNG")
    return out.getvalue()


def _colours(pdf) -> list[tuple[int, int, int]]:
    found = []
    for page in PdfReader(pdf).pages:
        for image in page.images:
            found.append(image.image.convert("RGB").getpixel((0, 0)))
    return found


RED, BLUE = (200, 0, 0), (0, 0, 200)


def test_the_copy_embeds_the_approved_figure_not_a_later_unapproved_one(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("cr-1")
    s.files.write("docs/procedures/fig.png", _png(RED))
    s.files.write("records/secret.png", _png(BLUE))
    figure = "\n\n![流程图](fig.png)\n\n![外部](../../records/secret.png)\n"
    s.files.doc(version="V1.1", body=body("新规定。" + figure))
    s.git.commit("修订并加图", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    s.git.merge("cr-1", "批准 V1.1", date="2026-02-03T10:00:00+08:00")
    # a direct commit on main swaps the figure: nobody approved it
    s.files.write("docs/procedures/fig.png", _png(BLUE))
    s.git.commit("换图", who="zhaolei", date="2026-02-05T10:00:00+08:00")

    out = tmp_path / "copy.pdf"
    made = cli(s.root, "pdf", "SM-P-01", "--as-of", "2026-02-10", "-o", str(out))
    assert made.returncode == 0, made.stderr
    assert set(_colours(out)) == {RED}
    assert "../../records/secret.png" in made.stderr
