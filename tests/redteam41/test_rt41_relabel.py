"""A secret document relabelled without approval: the new label must not free its id, title or
text, however the relabelling is dressed up."""

from __future__ import annotations

from rt41_helpers import (
    SECRET_BODY,
    SECRET_TITLE,
    leaks,
    mkdocs,
    pack_leaks,
    secret_doc,
    site_with_secret,
)


def renumbered_and_relabelled(scenario):
    """The approved secret SM-P-07, then 赵磊's direct commit to main (nobody approved it)
    giving the same file a fresh id and the label internal: the title and text stay."""
    s = site_with_secret(scenario)
    s.files.write(
        "docs/procedures/secret.md",
        secret_doc(doc_id="SM-P-97", level="internal", version="V1.1"),
    )
    s.git.commit("整理编号", who="zhaolei")
    return s


def test_a_direct_commit_renumbering_a_secret_document_as_internal_publishes_nothing_of_it(
    scenario, tmp_path
):
    s = renumbered_and_relabelled(scenario)
    history = s.history()
    assert history.documents["SM-P-07"].levels == ("secret",)
    result = mkdocs(s.root, tmp_path / "site")  # a desk build, `make site`
    assert result.returncode == 0, result.stderr
    found = leaks(tmp_path / "site", [SECRET_TITLE, SECRET_BODY, "SM-P-97"])
    assert found == [], sorted(found)


def test_a_default_audit_pack_names_nothing_of_a_secret_document_renumbered_without_approval(
    scenario, tmp_path
):
    s = renumbered_and_relabelled(scenario)
    found = pack_leaks(s.root, tmp_path / "pack.zip", [SECRET_TITLE, SECRET_BODY])
    assert found == [], found


def test_a_branch_renumbering_a_secret_document_as_internal_shows_nothing_of_it(scenario, tmp_path):
    # the merge request's own pipeline builds the branch (strict, as CI does): the work tree
    # holds the secret file under a fresh id and the label internal, not yet approved
    s = site_with_secret(scenario)
    s.git.branch("cr-tidy")
    s.files.write(
        "docs/procedures/secret.md",
        secret_doc(doc_id="SM-P-97", level="internal", version="V1.1"),
    )
    s.git.commit("整理编号", who="zhaolei")
    for strict in (True, False):
        out = tmp_path / f"site-{strict}"
        result = mkdocs(s.root, out, strict)
        if result.returncode == 0:
            found = leaks(out, [SECRET_TITLE, SECRET_BODY])
            assert found == [], (strict, sorted(found))
