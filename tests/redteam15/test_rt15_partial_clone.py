"""A blobless (partial) clone: git's merge in its own Git directory gets the promisor remote's
url, and nothing else of the repository's configuration."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from rt14_helpers import both_sides_changed
from rt15_helpers import approve, cli_env, git, head


def _approved(tmp_path):
    s = both_sides_changed(tmp_path)
    result, merged = approve(s, "b")
    assert merged, result.stdout + result.stderr
    assert cli_env(s.root, {}, "trail", "--strict").returncode == 0
    git(s, "config", "uploadpack.allowFilter", "true")
    return s


def _files(root):
    git_dir = root / ".git"
    return sorted(
        str(p.relative_to(git_dir))
        for p in git_dir.rglob("*")
        if p.is_file()
        and not str(p.relative_to(git_dir)).startswith(("logs", "doccontrol"))
        and "cache" not in p.name
    )


def test_a_blobless_clone_reached_through_url_insteadof_judges_a_clean_merge(tmp_path):
    """FINDING. The clone's promisor remote is reached through the repository's own
    configuration (``url.<base>.insteadOf`` here; actions/checkout's
    ``http.<url>.extraheader`` token or ``core.sshCommand`` deploy key are the same kind):
    plain git in the clone fetches missing blobs, but merge_tree's own Git directory copies
    only ``remote.*.url``, so git's merge cannot fetch and the trail reports a legitimate
    approve merge as DC516.unjudged; ``--strict`` fails the build."""
    s = _approved(tmp_path)
    alias = "https://git.example.invalid/sms/"
    rewrite = f"url.file://{s.root.parent}/.insteadOf={alias}"
    clone = tmp_path / "partial"
    subprocess.run(
        ["git", "-c", rewrite, "clone", "-q", "--filter=blob:none", f"{alias}repo", str(clone)],
        check=True,
    )
    key, _, value = rewrite.partition("=")
    subprocess.run(["git", "-C", str(clone), "config", key, value], check=True)
    # the clone works for git itself: a historic blob is fetched on demand
    shown = subprocess.run(
        ["git", "-C", str(clone), "show", "main~1:overrides/extra.css"], capture_output=True
    )
    assert shown.returncode == 0, shown.stderr
    out = cli_env(clone, {}, "trail", "--format", "json")
    merge = head(s)
    event = next(e for e in json.loads(out.stdout)["events"] if e["commit"] == merge)
    assert event["problems"] == [], event["problems"]


def test_trail_in_a_blobless_clone_adds_only_what_it_fetched(tmp_path):
    """DECIDED (round 15, finding 6). Reading history in a blobless clone fetches the blobs it
    reads, as any git command there does: git's own cache of the remote's content-addressed
    objects, in promisor packs. That is accepted. What the trail must not write is anything of
    its own: no loose objects (git's merge writes to a scratch folder), no refs, no config."""
    s = _approved(tmp_path)
    clone = tmp_path / "partial"
    subprocess.run(
        ["git", "clone", "-q", "--filter=blob:none", "--no-local", f"file://{s.root}", str(clone)],
        check=True,
    )
    before = _files(clone)
    out = cli_env(clone, {}, "trail", "--strict")
    assert out.returncode == 0, out.stdout[-700:] + out.stderr
    added = sorted(set(_files(clone)) - set(before))
    fetched = ("objects/pack/", "FETCH_HEAD", "gc.log", "objects/info/commit-graph")
    assert all(path.startswith(fetched) for path in added), added
    assert not any(len(Path(p).parent.name) == 2 for p in added), "a loose object was written"
    changed = [p for p in before if p in ("config", "HEAD", "packed-refs") or p.startswith("refs/")]
    assert all((clone / ".git" / p).exists() for p in changed)
