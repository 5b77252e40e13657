"""people[].forge_accounts in doccontrol.yml: the schema, the cross-checks, the lookup."""

from __future__ import annotations

from doccontrol.load.repository import load_config

CONFIG = "doccontrol.yml"
LIU = "roles: [management-representative, department-head]}"
WANG = "roles: [qa-manager, document-controller, internal-auditor]}"


def _edit(repo, old: str, new: str) -> int:
    text = (repo.root / CONFIG).read_text()
    assert old in text
    text = text.replace(old, new, 1)
    repo.write(CONFIG, text)
    return text[: text.index(new)].count("\n") + 1


def test_logins_map_to_people_case_blind(repo, check_codes):
    _edit(repo, LIU, LIU[:-1] + ", forge_accounts: {github: [Liu-Jing]}}")
    assert check_codes(repo.root) == []
    config = load_config((repo.root / CONFIG).read_bytes())[0]
    assert config is not None
    person = config.person_by_forge_login("github", "liu-jing")
    assert person is not None and person.id == "liujing"
    assert config.person_by_forge_login("gitlab", "liu-jing") is None
    assert config.uses_forge("github") and not config.uses_forge("gitlab")


def test_a_login_two_people_claim_counts_for_nobody(repo, check_codes):
    _edit(repo, LIU, LIU[:-1] + ", forge_accounts: {github: [shared]}}")
    line = _edit(repo, WANG, WANG[:-1] + ", forge_accounts: {github: [SHARED]}}")
    assert check_codes(repo.root) == [(CONFIG, line, "DC402")]
    config = load_config((repo.root / CONFIG).read_bytes())[0]
    assert config is not None and config.person_by_forge_login("github", "shared") is None


def test_forge_accounts_are_checked_by_the_schema(repo, check_codes):
    line = _edit(repo, LIU, LIU[:-1] + ", forge_accounts: {github: liu-jing, bitbucket: [x]}}")
    codes = {code for path, at, code in check_codes(repo.root) if path == CONFIG and at == line}
    assert codes and codes <= {"DC102", "DC103", "DC107"}
