"""Round 46: where the forge's signing key lives (the shipped capture workflow)."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "doccontrol-reviews.yml"


def test_the_trusted_forge_key_is_not_a_secret_every_branch_can_read():
    """The key in approval.trusted_forge_keys is what makes a review note 'forge-api-signed'
    and, with require_signed, stands in for the forge's signature on a merge. The shipped
    workflow (and README step 3) keeps its private half in the *repository* secret
    DOCCONTROL_FORGE_SSH_KEY. GitHub hands repository secrets to any workflow run in the
    repository: an author with push access pushes a branch whose copy of this workflow prints
    or uses the secret (workflow_dispatch and push runs use the branch's own workflow file),
    then signs notes of his own and pushes refs/notes/doccontrol, which branch protection
    does not cover. (Reading the secret needs GitHub; what the test can check is the
    template.) The job that reads the key must run in a deployment environment restricted
    to the main branch, with the secret stored there."""
    job = YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["capture"]
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "secrets.DOCCONTROL_FORGE_SSH_KEY" in text
    assert job.get("environment"), "the signing key is a repository secret every branch reads"
