"""Round 36, `mkdocs serve`: one plugin rebuilt again and again in one process (as
tests/site/test_reuse.py's Serve does). It reuses the last build's history (when
`reuse.same_history` says it is the same derivation) and its generated pages (when their
inputs compare equal). Held to: no verdict, page or register outlives what it was made from."""

from __future__ import annotations

import datetime
from pathlib import Path

from mkdocs.config import load_config
from rt18_helpers import bump_at

from builders import RepoBuilder, procedure
from doccontrol.adapters.mkdocs_plugin import DocControlPlugin
from doccontrol.history.derive import _derive
from doccontrol.load import repository
from doccontrol.site import model, reuse
from site_helpers import adopted_site

B = "docs/procedures/b.md"


class Serve:
    """One plugin, each rebuild loading the configuration again (as `mkdocs serve` does)."""

    def __init__(self, root: Path, site_dir: Path) -> None:
        self.root, self.site_dir = root, site_dir
        self.plugin = DocControlPlugin()
        errors, _warnings = self.plugin.load_config({}, str(root / "mkdocs.yml"))
        assert not errors
        self.plugin.on_startup(command="serve", dirty=False)

    def rebuild(self) -> model.Site:
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site_dir))
        self.plugin.on_config(config)
        assert self.plugin.site is not None
        return self.plugin.site

    def pages_text(self) -> str:
        return "\n".join(text for _title, text in self.plugin.generated.values())


def two_doc_site(tmp_path: Path):
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(B, procedure(doc_id="SM-P-02", title="第二程序乙"))
    return adopted_site(builder)


def test_a_document_made_secret_then_public_again_leaves_the_served_site(tmp_path):
    """SM-P-02 (internal) is on the served site. An approved merge makes V1.1 secret (to take
    effect later): the next rebuild in the same process drops it from the published paths
    and from every generated page. A later approved merge makes V1.2 internal again: it stays
    off (a document once secret stays off), rebuild after rebuild."""
    s = two_doc_site(tmp_path)
    serve = Serve(s.root, tmp_path / "site")
    assert B in serve.rebuild().published_paths
    assert "第二程序乙" in serve.pages_text()

    s.git.branch("cr-secret", "main")
    bump_at(s, B, "V1.0", "V1.1", "confidentiality: internal", "confidentiality: secret")
    s.git.commit("SM-P-02 定为机密", who="zhaolei")
    s.git.merge("cr-secret", "定密")
    site = serve.rebuild()
    assert B not in site.published_paths
    assert "第二程序乙" not in serve.pages_text() and "SM-P-02" not in serve.pages_text()

    s.git.branch("cr-open", "main")
    bump_at(s, B, "V1.1", "V1.2", "confidentiality: secret", "confidentiality: internal")
    s.git.commit("SM-P-02 解密", who="zhaolei")
    s.git.merge("cr-open", "解密", number=2)
    for _ in range(2):
        site = serve.rebuild()
        assert B not in site.published_paths
        assert "第二程序乙" not in serve.pages_text()


def test_a_history_past_its_until_is_not_taken_for_the_same(tmp_path):
    """A commit under control dated 1 h 10 min after now (DC524.future): what history derives
    holds until its date comes, less the hour's allowance. The serve plugin keeps its last
    history when `reuse.same_history` says the new load is the same derivation. A derivation
    made at a moment after that `until` (the real `_derive` with that moment, as round 34's
    fix asks the cache) is not the same: the rebuild would not keep the expired one."""
    s = two_doc_site(tmp_path)
    ahead = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1, minutes=10)
    s.git.branch("cr-b", "main")
    bump_at(s, B, "V1.0", "V1.1", "第二程序乙", "第二程序乙（修订）")
    s.git.commit("修订 SM-P-02", who="zhaolei")
    s.git.merge("cr-b", "修订", date=ahead.isoformat(timespec="seconds"))
    serve = Serve(s.root, tmp_path / "site")
    first = serve.rebuild().history
    assert first is not None and "DC524" in {p.code for p in first.notices}
    assert serve.rebuild().history is first  # nothing changed, nothing expired: kept
    repo = repository.load(s.root, only=set())
    assert repo.config is not None
    later = ahead + datetime.timedelta(minutes=1)
    after = _derive(s.root, repo.config, False, None, True, later)
    assert not reuse.same_history(first, after), (
        "a history derived after the until of the last one is taken for the same derivation"
    )
