"""Round 43: a document's Markdown body that `check` passes but the site build and the PDF
copy cannot render: deep nesting (recursion) and a run of brackets (quadratic time)."""

from __future__ import annotations

import subprocess
import sys
import time

from rt43_helpers import approved_doc, crashed, run

# 260 list levels, four spaces each: 137 KB, well below the 1 MiB size limit (DC006)
DEEP_LIST = "".join("    " * i + "- x\n" for i in range(260))


def test_a_deeply_nested_list_is_reported_by_check_not_a_crash_of_the_site(tmp_path):
    """An author's approved SM-P-01 V1.1 ends with a list nested 260 levels deep (137 KB).
    Seen: `doccontrol check` says nothing (exit 0); `mkdocs build` fails with
    `RecursionError: maximum recursion depth exceeded` and a traceback from Python-Markdown
    (the whole site cannot be published); `doccontrol pdf SM-P-01` says "内部错误：
    RecursionError" (exit 2).
    Right: `check` reports it at its file and line (like DC016 for YAML nested too deep),
    and the build and the PDF refuse it with that message, never a traceback."""
    s = approved_doc(tmp_path, DEEP_LIST)
    checked = run(s.root, "check")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")],
        cwd=s.root,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    build_out = built.stdout + built.stderr
    pdf = run(s.root, "pdf", "SM-P-01", "-o", str(tmp_path / "c.pdf"), timeout=600)
    failures = []
    if "Traceback" in build_out or "RecursionError" in build_out:
        failures.append(f"mkdocs build (exit {built.returncode}):\n{build_out[-1500:]}")
    if crashed(pdf.stdout + pdf.stderr):
        failures.append(f"pdf (exit {pdf.returncode}): {pdf.stderr}")
    assert not failures, f"check says (exit {checked.returncode}): {checked.stdout}\n" + "\n".join(
        failures
    )


def test_a_run_of_brackets_does_not_hang_the_site_build(tmp_path):
    """An author's approved SM-P-01 V1.1 ends with 30,000 `[` (30 KB; the size limit is
    1 MiB). Python-Markdown's link pattern is quadratic in them: 10,000 take 10 s, 20,000
    take 42 s, 30,000 about 95 s, and 300 KB about three hours.
    Seen: `check` passes at once; `mkdocs build` (CI's publishing, `mkdocs serve`'s
    preview) runs on and on.
    Right: the build (and `pdf`) finishes in seconds, or `check` refuses such a body
    with its file and line so it never gets approved."""
    s = approved_doc(tmp_path, "[" * 30000 + "\n")
    checked = run(s.root, "check")
    start = time.monotonic()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")],
            cwd=s.root,
            capture_output=True,
            text=True,
            check=False,
            timeout=40,
        )
        took, finished = time.monotonic() - start, True
    except subprocess.TimeoutExpired:
        took, finished, result = time.monotonic() - start, False, None
    assert checked.returncode != 0 or (finished and took < 30), (
        f"check passes (exit {checked.returncode}) and the build took {took:.0f}s"
        f" ({'finished' if finished else 'still running'})"
    )
    assert result is None or "Traceback" not in result.stdout + result.stderr
