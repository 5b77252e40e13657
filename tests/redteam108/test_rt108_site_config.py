"""Round 107's exception (``brought_by_hidden(..., site_files)``): a picture an approval of
secret documents alone brings is *not* the secret's when that approval also changes the
site's configuration and the picture is one of ``site_files``. But ``site_files`` is what
main's tip's mkdocs.yml names as logo/favicon *now*, and "changes the configuration" is any
change of ``mkdocs.yml`` or ``mkdocs.yaml``: not what the approval's own configuration named.
So a secret-only approval that touches the configuration for any other reason (a nav edit,
or a stray ``mkdocs.yaml`` the build never reads) launders the secret figure it brings; a
later approval naming it as logo then serves the secret's pixels on every page, exactly what
round 107's ``test_an_approved_logo_naming_a_secret_figure_does_not_publish_it`` forbids."""

from __future__ import annotations

from rt41_helpers import approve, built_site, leaks, png, secret_doc

from site_helpers import site_repo

PIXELS = b"SECRETPIXELSMARK"
FIG = "docs/procedures/fig.png"
SECRET = "docs/procedures/secret.md"


def logo_yml(text: str, value: str) -> str:
    anchor = "  name: material\n"
    assert anchor in text
    return text.replace(anchor, f"{anchor}  logo: {value}\n", 1)


def renamed_site(text: str) -> str:
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("site_name:"):
            lines[i] = "site_name: 受控文件库（新）\n"
            return "".join(lines)
    raise AssertionError("no site_name in mkdocs.yml")


def secret_with_figure(scenario, config):
    """A secret-only approval bringing the secret's figure (its text does not name it: the
    picture is the secret's by the path rule, "last changed by a hidden-only approval"), with
    ``config(s)`` (more files, e.g. a configuration edit); then an approval of mkdocs.yml alone
    naming the figure as the site's logo."""
    s = site_repo(scenario)
    files: dict[str, str | bytes] = {FIG: png(PIXELS), SECRET: secret_doc(text="SECRETBODYMARK")}
    files.update(config(s))
    approve(s, "cr-secret", files, "新增受控文件", 1)
    current = (s.root / "mkdocs.yml").read_text("utf-8")
    approve(
        s, "cr-logo", {"mkdocs.yml": logo_yml(current, "procedures/fig.png")}, "更换站点标志", 2
    )
    return s


def test_a_secret_approval_editing_the_site_name_keeps_its_figure(scenario, tmp_path):
    s = secret_with_figure(
        scenario, lambda s: {"mkdocs.yml": renamed_site((s.root / "mkdocs.yml").read_text("utf-8"))}
    )
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [PIXELS.decode()]) == []


def test_a_secret_approval_adding_an_unused_mkdocs_yaml_keeps_its_figure(scenario, tmp_path):
    s = secret_with_figure(scenario, lambda s: {"mkdocs.yaml": "site_name: unused\n"})
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [PIXELS.decode()]) == []


def test_control_a_secret_approval_not_touching_the_configuration_keeps_its_figure(
    scenario, tmp_path
):
    s = secret_with_figure(scenario, lambda s: {})
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK", PIXELS.decode()]) == []


def test_held_a_secret_approval_setting_its_named_figure_as_logo_keeps_it(scenario, tmp_path):
    # the secret text names the figure: _named_by_hidden_versions keeps it back, even though
    # the same approval's mkdocs.yml names it as the logo
    s = site_repo(scenario)
    yml = logo_yml((s.root / "mkdocs.yml").read_text("utf-8"), "procedures/fig.png")
    secret = secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)")
    approve(s, "cr-secret", {FIG: png(PIXELS), SECRET: secret, "mkdocs.yml": yml}, "新增", 1)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK", PIXELS.decode()]) == []
