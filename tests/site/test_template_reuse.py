"""`mkdocs serve` keeps the plugin between rebuilds, and with it the compiled templates: reused
while the language and the override files stay the same, compiled afresh when an override is
added (Jinja itself reloads a template file that changed, not a new file shadowing one it
compiled from the package)."""

from __future__ import annotations

from pathlib import Path

from doccontrol.adapters.mkdocs_plugin import DocControlPlugin

TEMPLATE = "banner"


def test_templates_are_reused_until_an_override_appears(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    (overrides / "doccontrol").mkdir(parents=True)
    plugin = DocControlPlugin()
    first = plugin._compiled_templates("zh", (overrides,))
    assert plugin._compiled_templates("zh", (overrides,)) is first
    assert plugin._compiled_templates("en", (overrides,)) is not first

    (overrides / f"doccontrol/{TEMPLATE}.html").write_text("<p>本单位的横幅</p>\n", "utf-8")
    again = plugin._compiled_templates("zh", (overrides,))
    assert again is not first
    assert again.render(TEMPLATE) == "<p>本单位的横幅</p>"  # the override, not the package's
