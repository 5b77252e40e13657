"""doccontrol.yml: schema and cross-reference rules."""

from __future__ import annotations

CONFIG = "doccontrol.yml"


def _edit(repo, old: str, new: str) -> int:
    text = (repo.root / CONFIG).read_text()
    assert old in text
    text = text.replace(old, new, 1)
    repo.write(CONFIG, text)
    return text[: text.index(new)].count("\n") + 1


def test_shipped_config_is_valid(repo, check_codes):
    assert check_codes(repo.root) == []


def test_unknown_config_key(repo, check_codes):
    line = _edit(repo, "main_branch: main", "main_brnch: main")
    codes = check_codes(repo.root)
    assert (CONFIG, line, "DC102") in codes
    first_key = next(
        i
        for i, t in enumerate((repo.root / CONFIG).read_text().split("\n"), 1)
        if t and not t.startswith("#")
    )
    assert (CONFIG, first_key, "DC101") in codes  # main_branch is then missing, at the mapping


def test_person_with_unknown_role_and_department(repo, check_codes):
    line = _edit(
        repo,
        "department: hr, roles: [hr-manager, department-head]",
        "department: legal, roles: [hr-boss]",
    )
    assert check_codes(repo.root) == [(CONFIG, line, "DC402"), (CONFIG, line, "DC402")]


def test_email_shared_by_two_people(repo, check_codes):
    line = _edit(repo, "emails: [lin.xiao@example.com]", "emails: [LIU.jing@example.com]")
    assert check_codes(repo.root) == [(CONFIG, line, "DC402")]


def test_bad_confidentiality_limit(repo, check_codes):
    line = _edit(repo, "max_confidentiality: internal", "max_confidentiality: top")
    assert check_codes(repo.root) == [(CONFIG, line, "DC104")]


def test_config_problems_stop_the_check_but_are_reported(repo, check_codes):
    repo.write(CONFIG, "main_branch: [\n")
    assert check_codes(repo.root) == [(CONFIG, 2, "DC007")]


def test_two_people_whose_emails_print_alike_share_an_email(repo, check_codes):
    """Emails are compared as ids are (NFKC, case folding, no zero-width marks): an address
    that prints as another person's is that person's, so two people cannot both hold it."""
    from doccontrol.config import email_key

    assert email_key("Liu.Jing@ｅxample.com\u200b") == email_key("liu.jing@example.com")
    line = _edit(repo, "emails: [wang.fang@example.com]", "emails: [LIU.JING@example.com\u200b]")
    assert check_codes(repo.root) == [(CONFIG, line, "DC402")]
