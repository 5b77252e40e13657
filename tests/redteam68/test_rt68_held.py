"""What held in round 68 (unit forms of session 28's `named_paths`): PyYAML resolver keys,
duplicate keys, merges inside `theme`, `!ENV` and `!!python/name:` outside path keys."""

from __future__ import annotations

import pytest

from doccontrol.history.rules_paths import named_paths

HOOKS = "hooks: [site_hooks/pages.py]\n"
CASES = {
    # keys PyYAML's resolver builds to non-strings: they name no option; the hook still counts
    "resolver-keys": "yes: 1\n1: 2\n~: 3\n2026-01-01: 4\n.inf: 5\n" + HOOKS,
    # duplicate keys (PyYAML keeps the last): both values are read
    "duplicate": "hooks: [other/x.py]\n" + HOOKS,
    "duplicate-last": HOOKS + "hooks: [other/x.py]\n",
    # a path key merged into `theme`, or a whole `theme` merged at the root
    "theme-merge": "b: &b {custom_dir: over}\ntheme: {name: material, <<: *b}\n" + HOOKS,
    "root-merge": "b: &b {theme: {custom_dir: over}}\n<<: *b\n" + HOOKS,
    # an honest `!ENV` site_url and a `!!python/name:` option: not opaque
    "env-site-url": 'site_url: !ENV [SITE_URL, "https://sms.example.com/"]\n' + HOOKS,
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_hook_stays_named(case):
    named = named_paths(CASES[case].encode())
    assert not named.opaque and "site_hooks/pages.py" in named.files, named
    if "merge" in case:
        assert "over/" in named.folders, named
