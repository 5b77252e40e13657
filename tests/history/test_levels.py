"""Every confidentiality a document carried on the main branch is in its history (what
publishing decides from once the document is withdrawn), read from real Git history, and the
same whether derived cold, from the cache, or extended from it."""

from __future__ import annotations

from doccontrol.history.derive import derive
from doccontrol.load import repository


def config(s):
    return repository.load(s.root, only=set()).config


def relabel(s, branch, level, version, merge=True):
    s.git.branch(branch)
    path = s.root / "docs/procedures/test.md"
    text = path.read_text()
    current = next(line for line in text.splitlines() if line.startswith("confidentiality:"))
    old_version = next(line for line in text.splitlines() if line.startswith("version:"))
    path.write_text(
        text.replace(current, f"confidentiality: {level}")
        .replace(old_version, f"version: {version}")
        .replace("目的的内容。", f"{branch}。")
    )
    s.git.commit(branch, who="zhaolei")
    if merge:
        s.git.merge(branch, f"修订 {branch}")
    else:
        s.git.checkout("main")


def test_levels_are_every_value_on_the_main_branch(scenario):
    relabel(scenario, "cr-1", "secret", "V1.1")
    relabel(scenario, "cr-2", "[public]", "V1.2")
    relabel(scenario, "cr-3", "public", "V1.3")
    relabel(scenario, "side", "confidential", "V1.4", merge=False)  # never reaches main
    history = derive(scenario.root, config(scenario), use_cache=False)
    assert history.documents["SM-P-01"].levels == ("internal", "secret", "?", "public")


def test_levels_survive_the_cache_and_its_extension(scenario):
    relabel(scenario, "cr-1", "secret", "V1.1")
    cold = derive(scenario.root, config(scenario))
    warm = derive(scenario.root, config(scenario))
    assert warm.documents["SM-P-01"].levels == cold.documents["SM-P-01"].levels
    relabel(scenario, "cr-2", "public", "V1.2")
    (scenario.root / "docs/procedures/test.md").unlink()
    scenario.git.branch("cr-3")
    scenario.git.commit("撤回", who="zhaolei")
    scenario.git.merge("cr-3", "撤回")
    extended = derive(scenario.root, config(scenario))
    full = derive(scenario.root, config(scenario), use_cache=False)
    assert extended.documents["SM-P-01"].withdrawn
    assert extended.documents["SM-P-01"].levels == full.documents["SM-P-01"].levels
    assert full.documents["SM-P-01"].levels == ("internal", "secret", "public")


def test_front_matter_history_cannot_read_counts_as_unreadable(scenario):
    scenario.git.branch("cr-1")
    path = scenario.root / "docs/procedures/test.md"
    path.write_text(path.read_text().replace("title: 测试程序", "title: [broken"))
    scenario.git.commit("坏的", who="zhaolei")
    scenario.git.merge("cr-1", "坏的")
    levels = derive(scenario.root, config(scenario), use_cache=False).documents["SM-P-01"].levels
    assert levels == ("internal", "?")


def test_a_new_id_given_to_the_file_keeps_the_levels_it_had(scenario):
    """One commit renumbers the secret file and labels it internal, in place or with a move:
    the new id is the same document, so it carries every level the old one had."""
    relabel(scenario, "cr-1", "secret", "V1.1")
    path = scenario.root / "docs/procedures/test.md"
    text = path.read_text().replace("id: SM-P-01", "id: SM-P-97")
    path.write_text(text.replace("confidentiality: secret", "confidentiality: internal"))
    scenario.git.commit("重新编号", who="zhaolei")
    history = derive(scenario.root, config(scenario), use_cache=False)
    assert history.documents["SM-P-97"].levels == ("internal", "secret")

    moved = scenario.root / "docs/procedures/moved.md"
    moved.write_text(path.read_text().replace("id: SM-P-97", "id: SM-P-98"))
    path.unlink()
    scenario.git.commit("移动并重新编号", who="zhaolei")
    history = derive(scenario.root, config(scenario), use_cache=False)
    assert "secret" in history.documents["SM-P-98"].levels


def test_a_new_file_where_a_document_moved_away_is_a_new_document(scenario):
    """One commit moves the secret file (same id) and writes a new public document at its old
    path: git sees the old path modified and the new one added. The new id takes no level
    from the secret, which lives on at its new path."""
    relabel(scenario, "cr-1", "secret", "V1.1")
    path = scenario.root / "docs/procedures/test.md"
    (scenario.root / "docs/procedures/moved.md").write_text(path.read_text())
    text = path.read_text().replace("id: SM-P-01", "id: SM-P-20")
    path.write_text(text.replace("confidentiality: secret", "confidentiality: public"))
    scenario.git.commit("移动并新增", who="zhaolei")
    history = derive(scenario.root, config(scenario), use_cache=False)
    assert history.documents["SM-P-20"].levels == ("public",)
    assert history.documents["SM-P-01"].path == "docs/procedures/moved.md"


def test_every_title_on_the_main_branch_is_in_the_history_and_the_cache(scenario):
    path = scenario.root / "docs/procedures/test.md"
    path.write_text(path.read_text().replace("title: 测试程序", "title: 并购尽调程序"))
    scenario.git.commit("改名", who="zhaolei")
    cold = derive(scenario.root, config(scenario))
    warm = derive(scenario.root, config(scenario))
    assert cold.documents["SM-P-01"].titles == ("测试程序", "并购尽调程序")
    assert warm.documents["SM-P-01"].titles == cold.documents["SM-P-01"].titles
