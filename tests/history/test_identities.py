"""history/identities.py: who a Git identity is, and who is held to the rules as whom.
People are matched by address; a writer no listed address names who bears a listed person's
name is held to the rules as that person (round 93), and a name never grants a role."""

from __future__ import annotations

import dataclasses

from builders import PROJECT_CONFIG
from doccontrol.history import identities
from doccontrol.history.identities import Mailmap, People

LIU = PROJECT_CONFIG.person_by_id("liujing")
assert LIU is not None


def _person(name: str, email: str, config=PROJECT_CONFIG):
    return identities.person(config, Mailmap(), name, email)


def test_a_listed_name_at_an_unlisted_address_grants_nothing():
    stranger = _person(LIU.name, "liujing@gmail.com")
    assert stranger.person_id is None and stranger.roles == ()
    listed = _person("任何名字", LIU.emails[0])
    assert listed.person_id == "liujing" and listed.name == LIU.name


def test_a_writer_bearing_her_name_or_id_is_held_as_her():
    approver = _person(LIU.name, LIU.emails[0])
    for name in (LIU.name, "刘 静", "LiuJing", LIU.id):
        wrote = People.of([_person(name, "personal@mail.example")])
        assert wrote.named(approver) == "personal@mail.example", name
        assert not wrote.holds(approver)  # by address she is not among them
    empty = People.of([_person(LIU.name, "")])
    assert empty.named(approver) == ""
    assert People.of([_person("赵磊", "zl@mail.example")]).named(approver) is None
    # a listed writer is who their address says, whatever name they typed
    assert People.of([_person(LIU.name, "zhao.lei@example.com")]).named(approver) is None


def test_another_person_of_the_same_name_listed_under_their_address_is_not_her():
    twin = dataclasses.replace(LIU, id="liujing2", emails=("liujing@branch.example",), roles=())
    config = dataclasses.replace(PROJECT_CONFIG, people=(*PROJECT_CONFIG.people, twin))
    approver = _person(LIU.name, LIU.emails[0], config)
    wrote = People.of([_person(LIU.name, "liujing@branch.example", config)])
    assert wrote.named(approver) is None and not wrote.holds(approver)


def test_a_committer_is_a_writer_when_known_or_bearing_a_listed_name():
    author = _person("赵磊", "zhao.lei@example.com")
    forge = _person("GitHub", "noreply@github.com")
    personal = _person(LIU.name, "liujing@gmail.com")
    assert identities.writers(PROJECT_CONFIG, author, forge, None) == [author]
    assert identities.writers(PROJECT_CONFIG, author, personal, None) == [author, personal]
