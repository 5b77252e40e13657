"""Round 58, question 2: ``content.with_version`` now gives a version's *first* approval as its
text (session 26, round 57 hole 6). A draft approved at a number and then made effective at the
same number with its text changed ("a draft made effective at its version", README) has that
number's first approval on the draft: ``diff`` then takes the draft's text as the version's,
though ``show`` (``standing._placed``) puts the effective approval's text in force under it."""

from __future__ import annotations

from rt48_helpers import merge_dated, procedure, run, two_doc_scenario

DOC_C = "docs/procedures/c.md"
DRAFT = "草稿阶段的适用范围，后来改掉了。"
FINAL = "生效时的适用范围。"


def _body(scope: str) -> str:
    return f"## 1 目的\n\n目的的内容。\n\n## 2 适用范围\n\n{scope}\n"


def _draft_then_effective(tmp_path):
    """SM-P-03 V1.0 approved as a draft (03-01, text DRAFT), then made effective at V1.0 with
    its scope rewritten (03-05, FINAL: DC511 is reported, the approval stands), then V1.1
    approved with the text unchanged (03-08)."""
    s = two_doc_scenario(tmp_path)

    def doc(version, status, scope, day):
        return procedure(
            doc_id="SM-P-03",
            title="第三程序",
            version=version,
            status=status,
            body=_body(scope),
            effective_date=day,
        )

    merge_dated(s, "cr-draft", {DOC_C: doc("V1.0", "draft", DRAFT, "2026-03-01")}, "2026-03-01")
    merge_dated(s, "cr-eff", {DOC_C: doc("V1.0", "effective", FINAL, "2026-03-05")}, "2026-03-05")
    merge_dated(s, "cr-v11", {DOC_C: doc("V1.1", "effective", FINAL, "2026-03-08")}, "2026-03-08")
    return s


def test_control_show_gives_the_effective_text_as_v1_0(tmp_path):
    s = _draft_then_effective(tmp_path)
    shown = run(s, "show", "--as-of", "2026-03-06", "SM-P-03")
    assert shown.returncode == 0, shown.stderr
    assert FINAL in shown.stdout and DRAFT not in shown.stdout and "V1.0" in shown.stdout


def test_diff_takes_the_draft_as_the_text_of_the_version_in_force(tmp_path):
    s = _draft_then_effective(tmp_path)
    diff = run(s, "diff", "SM-P-03", "V1.0", "V1.1")
    assert diff.returncode == 0, diff.stderr
    assert DRAFT not in diff.stdout, (
        "V1.0 was in force with the text FINAL (show --as-of 2026-03-06) and V1.1 left it as "
        "it was, but diff takes V1.0's text from its first approval, the draft, and shows V1.1 "
        "rewriting 2 适用范围:\n" + diff.stdout
    )


LATER = "四月起生效的适用范围。"
SOONER = "三月改写后立即生效的适用范围。"


def _upcoming_rewritten(tmp_path):
    """SM-P-03 V1.0 in force from 02-01; V1.1 approved on 03-01 for 04-01 (text LATER); on
    03-05 an approval rewrites V1.1 at V1.1, effective at once (text SOONER, DC511)."""
    s = two_doc_scenario(tmp_path)

    def doc(version, scope, day):
        return procedure(
            doc_id="SM-P-03", title="第三程序", version=version, body=_body(scope),
            effective_date=day,
        )  # fmt: skip

    merge_dated(s, "cr-10", {DOC_C: doc("V1.0", "初版。", "2026-02-01")}, "2026-02-01")
    merge_dated(s, "cr-11", {DOC_C: doc("V1.1", LATER, "2026-04-01")}, "2026-03-01")
    merge_dated(s, "cr-12", {DOC_C: doc("V1.1", SOONER, "2026-03-05")}, "2026-03-05")
    return s


def test_one_number_names_two_texts_in_force_on_two_days(tmp_path):
    s = _upcoming_rewritten(tmp_path)
    march = run(s, "show", "--as-of", "2026-03-10", "SM-P-03")
    april = run(s, "show", "--as-of", "2026-04-10", "SM-P-03")
    texts = {
        day: (SOONER in out.stdout, LATER in out.stdout, "V1.1" in out.stdout)
        for day, out in (("03-10", march), ("04-10", april))
    }
    assert not (texts["03-10"] == (True, False, True) and texts["04-10"] == (False, True, True)), (
        "V1.1 is in force with SOONER on 2026-03-10 and with LATER on 2026-04-10: the approval "
        "that rewrote V1.1 before its day put its text in force (nothing was in force at V1.1 "
        "yet, so _placed sees no swap), then V1.1's first approval took effect on its own day "
        "and the rewrite became a same-number change (off_text): one number, two texts in force\n"
        + march.stdout[:300]
        + "\n---\n"
        + april.stdout[:300]
    )
