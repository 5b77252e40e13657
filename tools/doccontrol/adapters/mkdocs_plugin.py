"""The ``doccontrol`` MkDocs plugin: a thin shell that places the core's pages into MkDocs.

It loads the repository and derives the history once (``on_config``), keeps from the file set
only what it positively knows is publishable before MkDocs sees it (so pages, navigation,
search index and sitemap never contain anything else), adds the generated registers and
record pages, decorates each controlled page with its control block, banners and change
history, and cleans each document page's HTML so nothing in it runs.

Publishing fails closed. From docs/ it publishes regular files only, each at a path with no
symlink on the way: a document doccontrol loaded and may publish (publishing.py decides on
confidentiality), or an image. A symlink, a path with a control character, or a Markdown file
that is not such a document (it failed to load, has no id…) fails a strict build naming the
path, and is left out with a warning otherwise; any other file is left out with a warning.
"""

from __future__ import annotations

import dataclasses
import datetime
import html
import logging
import os
import posixpath
import re
import secrets
import stat
import urllib.parse
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_theme_dir

from doccontrol import (
    approved_images,
    catalogue,
    days,
    page_links,
    publishing,
    reserved_pages,
    vendor,
)
from doccontrol.adapters import nav_cache, own_names, raw_html, text_place
from doccontrol.atomic import link_below, write_atomic
from doccontrol.cli.output import configured_language
from doccontrol.config import CONFIG_FILE, ApprovalRules, signing_required
from doccontrol.history import ahead, rules, rules_paths
from doccontrol.history.gitread import GitError, run_git
from doccontrol.history.load import load_history
from doccontrol.history.stored import StoredVersions
from doccontrol.load import repository
from doccontrol.load.repository import DOCS_DIR, RepositoryError
from doccontrol.problems import Names, Problem, names_for
from doccontrol.site import acks as site_acks
from doccontrol.site import copies as site_copies
from doccontrol.site import model, navigation, pages, reuse, sanitize, searchtext, stamp
from doccontrol.site import templates as site_templates
from doccontrol.site.templates import TemplateError, Templates
from doccontrol.validate.check import Remembered, check
from doccontrol.validate.ids import same_key

log = logging.getLogger("mkdocs.plugins.doccontrol")
ASSETS = ("doccontrol.css", "doccontrol.js")
# the registers and the record index repeat what the documents' and records' own pages say
# (the acknowledgements register alone is a row per person and document: megabytes of text
# the search would segment for nothing)
UNSEARCHED = frozenset(
    {
        model.REGISTER_SRC,
        model.TRAIL_SRC,
        model.COVERAGE_SRC,
        model.REVIEW_SRC,
        model.RECORDS_SRC,
        site_acks.PEOPLE_SRC,
        site_copies.RECALL_SRC,
    }
)
# generated pages are written here in the work tree (and nowhere else)
PAGES_DIR = ".cache/doccontrol/pages"
BUILD_ASSETS = "assets/doccontrol"  # the build's own files; docs/ may put nothing there
# where a page's own copy of a shared picture is served (approved_images.pages_in_force)
OWN_PICTURES = f"{BUILD_ASSETS}/pictures"
# Material's search multiplies a page's score by its `search.boost`: a document ranks above the
# records that mention its subject (a change procedure above every change record)
DOCUMENT_BOOST = 4.0
RECORD_BOOST = 0.5


class DocControlConfig(base.Config):
    strict = c.Type(bool, default=False)
    history = c.Type(bool, default=True)
    allow_shallow = c.Type(bool, default=False)
    as_of = c.Optional(c.Type(str))
    # each page gives the work tree's text, marked, instead of the text in force: unset, only
    # under `mkdocs serve`; DOCCONTROL_PREVIEW=true in the environment (a review build of a
    # branch) sets it too. A preview is never stamped, so no audit pack takes its pages.
    preview = c.Optional(c.Type(bool))
    mermaid_js = c.Type(str, default=".cache/vendor/mermaid.min.js")


class DocControlPlugin(BasePlugin[DocControlConfig]):
    def __init__(self) -> None:
        self.site: model.Site | None = None
        self.generated: dict[str, tuple[str, str]] = {}
        self.added: set[str] = set()  # the generated pages actually added (docs/ wins)
        self.root = Path(".")
        # the repository loaded last, reused by `mkdocs serve`; private (secret documents too)
        self._loaded: repository.Repository | None = None
        self.strict = False  # the strict option, or DOCCONTROL_STRICT=true in the environment
        self.preview = False  # the preview option, DOCCONTROL_PREVIEW=true, or `mkdocs serve`
        # controlled files whose last change on main nobody approved (on_config)
        self.pending_controlled: list[str] = []
        # the build's own inputs the work tree holds otherwise than main's tip
        self.moved_inputs: tuple[str, ...] = ()
        # images under docs/ the published site leaves out (None: a preview, which leaves out
        # none; ALL: every one, when no history can say which were approved)
        self.unapproved_assets: frozenset[str] | None = None
        self.unused_assets: list[str] = []  # images no published page shows (on_files)
        # per document (id), the pictures its page's text shows: each image → the site path of
        # the page's own copy ("": none approved, left out of that page), or None for the bytes
        # served at the image's own path; rounds 85, 87, 88
        self.page_pictures: dict[str, dict[str, str | None]] = {}
        self.mermaid: vendor.Vendored | None = None
        self.record_pages: frozenset[str] = frozenset()
        self.shown_content: dict[str, str] = {}  # page → its HTML, while the search reads
        # the site's language, for the build's messages (known once doccontrol.yml is read)
        self.texts = catalogue.load()
        # fences each document's own text on its page; never written out (sanitize.clean_page)
        self.body_nonce = secrets.token_hex(16)
        # the page being rendered when it moved away from its text in force (text_place), and
        # each such page's marked picture names, for its link rule
        self.text_place = text_place.Place()
        self.moved_pages: dict[str, text_place.Moved] = {}
        self.document_pages: set[str] = set()  # pages built by pages.document_page
        self.page_files: dict[str, str] = {}  # document id → its page's file in the site
        # per document page, doccontrol's own HTML until the page is converted
        self.document_parts: dict[str, pages.DocumentPage] = {}
        # per generated page, its HTML blocks while Python-Markdown converts the rest
        self.lifted: dict[str, raw_html.Lifted] = {}
        # per document page, its own text (cleaned) until the search has read it
        self.search_body: dict[str, str] = {}
        self.clean_build = False  # set by on_startup: `mkdocs build` without --dirty
        self.serving = False  # set by on_startup: `mkdocs serve` (a preview, unless told not)
        # set by on_startup: False for `mkdocs build` (one build per process, nothing to reuse);
        # True for `mkdocs serve`, or a caller that builds again and again without on_startup
        self.rebuilds = True
        self.site_dir: Path | None = None
        # versions read from Git, by commit and path (content that never changes): kept across
        # `mkdocs serve` rebuilds, so a rebuild reads only versions it has not seen
        self._stored: StoredVersions | None = None
        self._templates: tuple[tuple[object, ...], Templates] | None = None
        self._checked = Remembered()  # what checks found per unchanged file, across rebuilds
        # what the last build's generated pages were made from (site/reuse.py), its site and
        # the pages: a `mkdocs serve` rebuild whose inputs are the same reuses them (and one
        # whose history is of the same derivation, that history with what it decoded)
        self._inputs = reuse.PageInputs()
        self._last: tuple[tuple[object, ...], model.Site, dict[str, tuple[str, str]]] | None = None
        self._nav: Navigation | None = None  # this build's navigation (on_nav, for on_env)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this plugin across `mkdocs serve` rebuilds, so an edit
        # reloads only the files that changed (self._loaded is reused).
        self._loaded = None
        self.clean_build = command != "serve" and not dirty  # only such a build is stamped
        self.rebuilds = command == "serve"
        self.serving = command == "serve"

    def on_build_error(self, *, error: Exception) -> None:
        self._close_reader()
        if self.site_dir is not None:
            stamp.clear(self.site_dir)

    def on_shutdown(self) -> None:
        self._close_reader()

    def _stored_versions(self) -> StoredVersions:
        if self._stored is None or self._stored.root != self.root:
            self._close_reader()
            self._stored = StoredVersions(self.root)
        return self._stored

    def _compiled_templates(self, language: str, folders: tuple[Path, ...]) -> Templates:
        # compiling the templates is most of a small page's cost: a rebuild with the same
        # language and the same files in the override folders, byte for byte, reuses them
        # (Jinja would not notice a new override of a template it compiled from the package,
        # nor an edited file whose modification time was put back)
        key = (language, folders, site_templates.fingerprint(folders))
        if self._templates is None or self._templates[0] != key:
            self._templates = (key, site_templates.templates(catalogue.load(language), folders))
        return self._templates[1]

    def _close_reader(self) -> None:
        # ends git's cat-file between builds; what was read stays for the next rebuild
        if self._stored is not None:
            self._stored.close()

    def on_config(self, config: Any) -> Any:
        self.site_dir = Path(config.site_dir)
        # nothing a failed build left half-way is carried into this one
        self.document_parts = {}
        self.page_files = {}
        self.lifted = {}
        self.search_body = {}
        self.moved_pages = {}
        self.text_place.current = None
        if not any(isinstance(e, text_place.TextPlace) for e in config.markdown_extensions):
            config.markdown_extensions.append(text_place.TextPlace(self.text_place))
        # an attribute list may not give a picture or link another name than its Markdown's
        if not any(isinstance(e, own_names.OwnNames) for e in config.markdown_extensions):
            config.markdown_extensions.append(own_names.OwnNames())
        self.shown_content = {}
        self.root = Path(config.config_file_path).resolve().parent
        through = link_below(self.root, self.site_dir)
        if through is not None:
            # mkdocs empties site_dir before it writes: a `site -> ../elsewhere` committed to
            # the repository would have it delete what the link points at (and publish there)
            t = catalogue.load(catalogue.language_for(configured_language(self.root), {}))
            raise PluginError(_say(t, "site.plugin.site-dir-link", link=str(through)))
        stamp.clear(self.site_dir)  # no stamp until this build has succeeded
        # CI asks for strictness in the environment: mkdocs.yml is one of the files the build
        # judges, so it cannot switch that off (`strict: false` in a pushed mkdocs.yml)
        self.strict = bool(self.config.strict) or _strict_from_environment()
        # before doccontrol.yml is loaded, its language line alone (the site never speaks the
        # builder's locale)
        self.texts = catalogue.load(catalogue.language_for(configured_language(self.root), {}))
        t = self.texts
        including = _file_includes(config)
        if including:
            # they read files from the work tree into a page as it renders: past the
            # publishing level and the text in force (round 62). Fail closed, in every build
            raise PluginError(_say(t, "site.plugin.includes", names=", ".join(including)))
        docs = self.root / DOCS_DIR
        if docs.is_symlink() or Path(config.docs_dir).resolve() != docs:
            # doccontrol knows the documents under docs/ only: anything else is unknown
            raise PluginError(_say(t, "site.plugin.docs-dir", folder=f"{DOCS_DIR}/"))
        # the first build of a process derives the history in a second process while this
        # one loads and checks the repository (each is mostly Python: two cores, not one)
        child = (
            ahead.start(self.root, allow_shallow=self.config.allow_shallow)
            if self.config.history and self._last is None
            else None
        )
        try:
            repo, names, problems = self._load_and_check(t)
        except BaseException:
            ahead.stop(child)
            raise
        ahead.finish(child)
        t = self.texts
        assert repo.config is not None  # _load_and_check
        history = None
        if not self.config.history and self.strict:
            # a strict build publishes: without history nothing it gives can be vouched for
            # (and `history: false` in an unapproved mkdocs.yml would hide that it is one)
            raise PluginError(_say(t, "site.plugin.strict-needs-history"))
        if self.config.history:
            try:
                history = load_history(
                    self.root, repo.config, allow_shallow=self.config.allow_shallow
                )
            except GitError as exc:
                if self.strict:
                    raise PluginError(_say(t, "site.plugin.text", text=exc.text(t))) from None
                log.warning("%s", _say(t, "site.plugin.no-history", reason=exc.text(t)))
        # derived from the same commits and rules: the last build's, with what it decoded
        last = self._last[1].history if self._last is not None else None
        if history is not None and last is not None and reuse.same_history(last, history):
            history = last
        # mkdocs.yml is controlled: options a change nobody approved set (or that nothing can
        # show were approved: no history) cannot choose what is published (the work tree's
        # text, another day's versions); they are ignored
        as_of_option, preview_option = self.config.as_of, self.config.preview
        # the controlled files whose last change nobody approved: asked once per build
        self.pending_controlled = (
            rules.pending_controlled(history.events) if history is not None else []
        )
        options_file = Path(config.config_file_path).resolve()
        # the build's own inputs the work tree holds otherwise than main's tip (a branch, an
        # edit nobody committed): no approval saw them either, and the site is main's (round
        # 62). Not a reason to stop a strict build (a pull request's review build has them):
        # what they would decide is taken from main instead, or left out
        self.moved_inputs = moved = (
            publishing.work_tree_differs(
                self.root, history, _build_inputs(self.root, options_file, config)
            )
            if history is not None
            else ()
        )
        if history is not None and history.site_named.opaque:
            # the approved site configuration could name what history cannot see (a tag that
            # builds a path, a bound passed: rules_paths.NamedPaths.opaque)
            if self.strict:
                raise PluginError(_say(t, "site.plugin.site-config-opaque"))
            log.warning("%s", _say(t, "site.plugin.site-config-opaque"))
        if history is not None:
            unruled = _unruled_hooks(self.root, config, repo.config, history)
            if unruled:
                # a hook runs in every build: one the rules in force do not control (named by a
                # branch's mkdocs.yml, say) is code anyone could push (round 64)
                raise PluginError(
                    _say(t, "site.plugin.hook-uncontrolled", paths=", ".join(unruled))
                )
        options_rel = (
            options_file.relative_to(self.root).as_posix()
            if options_file.is_relative_to(self.root)
            else None
        )
        # only an mkdocs.yml pending on main (or with no history to vouch for it) loses its
        # options: a branch's or an edited one is that build's own (it runs that file's
        # hooks anyway, and is never stamped), and a review build that passes -d must not
        # stop (round 63)
        unvouched = history is None or options_rel in self.pending_controlled
        if unvouched and _site_dir_from(options_file, self.site_dir):
            # MkDocs empties site_dir before it writes: one that a change nobody approved set
            # (`site_dir: ../elsewhere`, `site_dir: records`) is not emptied; -d chooses
            raise PluginError(_say(t, "site.plugin.site-dir-pending", config=options_file.name))
        if unvouched and (as_of_option or preview_option is not None):
            log.warning("%s", _say(t, "site.plugin.options-pending", config=options_file.name))
            as_of_option, preview_option = None, None
        self.preview = (
            self.serving if preview_option is None else bool(preview_option)
        ) or _flag_from_environment("DOCCONTROL_PREVIEW")
        if self.preview and self.strict:
            # a strict build is the one CI publishes: it never gives the work tree's text
            raise PluginError(_say(t, "site.plugin.strict-preview"))
        # the day a build gives, from the environment (an audit pack's end date) without
        # editing mkdocs.yml, so that build is still main's and stamped; never in a strict
        # build, the one CI publishes: it gives today (round 65)
        from_environment = os.environ.get("DOCCONTROL_AS_OF", "").strip()
        if from_environment and self.strict:
            raise PluginError(_say(t, "site.plugin.strict-as-of"))
        as_of_option = from_environment or as_of_option
        try:
            chosen = datetime.date.fromisoformat(as_of_option) if as_of_option else None
        except ValueError:
            raise PluginError(_say(t, "site.plugin.as-of", value=repr(as_of_option))) from None
        site_config = repo.config
        # today in the organisation's time zone, as the approved configuration names it
        zone = repo.config.zone
        # doccontrol.yml's last change on main nobody approved: its level is no approved one
        lowered = history is not None and publishing.approved_limit(repo.config, history.events)[1]
        config_pending = lowered
        # the work tree's doccontrol.yml is not main's (a branch, an edit): the site is
        # main's, judged and worded by the one in force there, its level included
        config_moved = not lowered and CONFIG_FILE in moved
        if lowered or config_moved:
            # what the pages say (people's and departments' names, labels, the organisation in
            # {{ org.name }}, the language) is the approved configuration's; when that cannot be
            # read, the work tree's without the organisation. Its levels rank the documents
            # (the work tree's could list `secret` first): the one in force even when the
            # tip holds it
            approved = publishing.config_in_force(self.root, history) if history else None
            zone = approved.zone if approved is not None else None
            if config_moved and approved is not None:
                log.warning("%s", _say(t, "site.plugin.config-work-tree", config=CONFIG_FILE))
                site_config = approved
            else:
                # the publishing level in the work tree is not the approved one: fail closed
                config_pending = True
                lowest = (approved or repo.config).confidentiality[0]
                log.warning(
                    "%s",
                    _say(
                        t,
                        "site.plugin.config-pending",
                        config=CONFIG_FILE,
                        level=lowest.label,
                        id=lowest.id,
                    ),
                )
                base = approved or dataclasses.replace(repo.config, organization={})
                site_config = dataclasses.replace(
                    base,
                    publish=dataclasses.replace(base.publish, max_confidentiality=lowest.id),
                )
        if history is not None and history.signing_forced:
            # records are judged by the rules in force, which require signatures whatever the
            # file says (DC536.forced), as every command judges them (round 60)
            site_config = signing_required(site_config)
        as_of = chosen or days.today(zone)
        # the site speaks doccontrol.yml's language, else Chinese (never the builder's locale)
        language = catalogue.language_for(site_config.language, {})
        # an unapproved doccontrol.yml cannot vouch for the overrides either
        template_dirs = _template_dirs(
            self.root,
            config,
            None if config_pending else site_config.approval,
            self.strict,
            self.pending_controlled if history is not None else None,
            # a preview (serve) shows the work tree's templates as it shows its text: an
            # adopter editing an override sees it; it is never stamped, and never strict
            () if self.preview else moved,
            t,
        )
        # record types whose schema is not the one in force on main: left out (a preview
        # shows the work tree's, as it does the documents' text)
        unsettled = (
            publishing.unsettled_record_types(self.root, history, repo.record_types)
            if history is not None and not self.preview
            else frozenset()
        )
        if unsettled:
            log.warning(
                "%s",
                _say(
                    t,
                    "site.plugin.schemas-unsettled",
                    types=", ".join(publishing.printable_path(u) for u in sorted(unsettled)),
                ),
            )
        self.site = model.Site(
            repo=repo,
            config=site_config,
            history=history,
            as_of=as_of,
            problems=tuple(problems),
            directory_urls=bool(config.use_directory_urls),
            repo_url=repo.config.publish.repo_url or config.repo_url,
            language=language,
            template_dirs=template_dirs,
            stored=self._stored_versions(),
            preview=self.preview,
            compiled=self._compiled_templates(language, template_dirs),
            site_files=_theme_files(
                self.root,
                config,
                options_file,
                # values are compared with main's mkdocs.yml: a branch's own count for nothing
                None if unvouched or history is None else history.head,
                self.preview,
            ),
            unsettled_types=unsettled,
            render_problems=self._checked.render_problems,
        )
        if history is not None:
            _warn_pending_configuration(history, t)
        if self.strict:
            pending = [r.id for r in self.site.rows if r.pending]
            refused = self.site.refused_records
            notices = list(history.notices) if history else []
            controlled = self.pending_controlled
            if (
                problems
                or pending
                or refused
                or notices
                or controlled
                or (history and history.incomplete)
            ):
                reasons = []
                if notices:
                    reasons.append("; ".join(f"{p.code} {p.text(t, names)}" for p in notices))
                if controlled:
                    reasons.append(
                        t.text("site.plugin.strict.controlled", paths=", ".join(controlled))
                    )
                if problems:
                    listed = "; ".join(p.format(t, names) for p in problems[:10])
                    if len(problems) > 10:
                        listed = t.text(
                            "site.plugin.strict.more", listed=listed, n=len(problems) - 10
                        )
                    reasons.append(
                        t.text("site.plugin.strict.problems", n=len(problems), listed=listed)
                    )
                if refused:
                    paths = ", ".join(publishing.printable_path(r.path) for r in refused)
                    reasons.append(t.text("site.plugin.strict.refused", paths=paths))
                if pending:
                    reasons.append(t.text("site.plugin.strict.pending", ids=", ".join(pending)))
                if history and history.incomplete:
                    reasons.append(t.text("site.plugin.strict.shallow"))
                raise PluginError(_say(t, "site.plugin.strict", reasons="; ".join(reasons)))
        config.extra_css.append("assets/doccontrol/doccontrol.css")
        self.mermaid = _vendored_mermaid(self.root, self.config.mermaid_js, self.strict, t)
        if self.mermaid is not None:
            config.extra_javascript.append("assets/vendor/mermaid.min.js")
        config.extra_javascript.append("assets/doccontrol/doccontrol.js")
        try:
            self.site, self.generated = self._generated_pages(self.site)
        except TemplateError as exc:
            raise PluginError(_say(t, "site.plugin.text", text=str(exc))) from None
        self.record_pages = frozenset(model.record_src(r) for r in self.site.records)
        return config

    def _load_and_check(
        self, t: catalogue.Catalogue
    ) -> tuple[repository.Repository, Names, list[Problem]]:
        """The repository, loaded and checked (each problem a warning), in the language its
        configuration names (self.texts)."""
        try:
            repo = repository.load(self.root, previous=self._loaded)
            self._loaded = repo
        except RepositoryError as exc:
            raise PluginError(_say(t, "site.plugin.text", text=exc.text(t))) from None
        if repo.config is None:
            raise PluginError(_say(t, "cli.error.config-problems"))
        self.texts = t = catalogue.load(catalogue.language_for(repo.config.language, {}))
        names = names_for(repo.config, repo.record_types)
        problems = check(repo, remembered=self._checked)
        for problem in problems:
            log.warning("%s", _say(t, "site.plugin.text", text=problem.format(t, names)))
        return repo, names, problems

    def _generated_pages(self, site: model.Site) -> tuple[model.Site, dict[str, tuple[str, str]]]:
        """The generated pages, and the site with what it reuses from the last build."""
        if not self.rebuilds:
            return site, pages.generated_pages(site)
        key = self._inputs.key(site)
        if self._last is not None and self._last[0] == key:
            site = dataclasses.replace(site, suspects_found=self._last[1].suspects)
            generated = self._last[2]
        else:
            generated = pages.generated_pages(site)
        self._last = (key, site, generated)
        return site, generated

    def _images_held(
        self, site: model.Site
    ) -> tuple[dict[str, str], dict[str, dict[str, str | None]]]:
        """Images whose bytes the site serves at their own path are not the last approved
        ones, each with the commit to read them at ("" for none): held back with a version not
        in force yet (``publishing.assets_ahead``), or approved after the approval that vouches
        for the text in force that shows them (``approved_images.pages_in_force``: what a copy
        embeds; of two texts, the later approval's). And per document id, the images its page's
        text shows: each with the commit its own copy is read at, or None where the page shows
        the bytes served at the image's path."""
        if site.history is None or site.preview:
            return {}, {}
        stored = site.stored or self._stored_versions()
        shows = stored.shown_images
        held = publishing.assets_ahead(
            site.history.events, site.standings, site.as_of, shows, stored.body_at
        )
        images = approved_images.approved_images(site.history, site.standings, shows)
        where = approved_images.held_back(images, held)
        # only what the site shows decides: a confidential text's approval never picks the
        # bytes published beside another's (round 85); the site's own answer, which also
        # decides the pictures kept back (Site.images_kept_back)
        if site.stored is not None:
            pages_at = site.pictures_at
        else:
            shown = {k: v for k, v in site.standings.items() if k in site.visible_ids}
            pages_at = approved_images.pages_in_force(shown, where, shows)
        head = site.history.head
        for path, at in approved_images.served(images, pages_at).items():
            if path in held or at != images.source(path, head):
                held[path] = at  # else the last approved bytes: what the work tree holds

        def serves(path: str) -> str:
            return held[path] if path in held else images.source(path, head)

        # per page: each picture, with the commit of its own copy, or None for the served bytes
        pages = {
            doc_id: {p: (at if at != serves(p) else None) for p, at in pictures.items()}
            for doc_id, pictures in pages_at.items()
        }
        return held, pages

    def _own_pictures(
        self,
        files: Files,
        config: Any,
        site: model.Site,
        pages: dict[str, dict[str, str | None]],
    ) -> None:
        """Each page's own copy of a picture its text shows with other bytes than the site
        serves at the picture's path (``_images_held``), put under the build's own folder by
        the commit it was read at (no file from docs/ stands there: ``_verdict``);
        ``self.page_pictures`` says, per page, what each picture its text shows is served as."""
        stored = site.stored or self._stored_versions()
        made: dict[tuple[str, str], str] = {}
        self.page_pictures = {}
        kept_back = site.images_kept_back
        for doc_id, pictures in sorted(pages.items()):
            placed: dict[str, str | None] = {}
            for path, at in sorted(pictures.items()):
                if path in kept_back:  # no page's own copy either (round 101)
                    placed[path] = ""
                    continue
                if at is None:
                    placed[path] = None
                    continue
                if (at, path) not in made:
                    data = stored.file_at(at, path) if at else None
                    uri = f"{OWN_PICTURES}/{at[:16]}/{path.removeprefix(f'{DOCS_DIR}/')}"
                    made[(at, path)] = uri if data is not None else ""
                    if data is not None:
                        files.append(File.generated(config, uri, content=data))
                placed[path] = made[(at, path)]
            self.page_pictures[doc_id] = placed

    def _restore_images(
        self, files: Files, config: Any, site: model.Site, held: dict[str, str]
    ) -> None:
        """A picture a published page shows in force that the work tree no longer holds
        (renamed or deleted by a change not in force yet): its bytes in force, from Git
        (round 83). Never one a commit nobody approved deleted (``unapproved_assets``)."""
        unapproved = self.unapproved_assets
        stored = site.stored or self._stored_versions()
        for path, older in sorted(held.items()):
            src_uri = path.removeprefix(f"{DOCS_DIR}/")
            if (
                not older
                or src_uri == path
                or path not in site.images_used
                or unapproved is ALL
                or (unapproved is not None and path in unapproved)
                or files.get_file_from_path(src_uri) is not None
                or os.path.lexists(self.root / path)
            ):
                continue
            found = stored.file_at(older, path)
            if found is not None:
                files.append(File.generated(config, src_uri, content=found))

    def on_files(self, files: Files, config: Any) -> Files:
        site = self.site
        assert site is not None
        including = _file_includes(config)
        if including:
            # again: Material's group plugin loads the plugins it holds after on_config ran
            raise PluginError(_say(self.texts, "site.plugin.includes", names=", ".join(including)))
        refused: list[str] = []
        docs_dir = os.path.normpath(config.docs_dir)
        self.unapproved_assets = (
            None if site.preview else _unapproved_assets(self.root, site, self.pending_controlled)
        )
        ahead, page_pictures = self._images_held(site)
        self.unused_assets = []
        for file in list(files):
            if file.abs_src_path is None or os.path.normpath(file.src_dir or "") != docs_dir:
                continue  # the theme's own files, or made by another plugin: not from docs/
            verdict = self._verdict(file)
            older = ahead.get(f"{DOCS_DIR}/{file.src_uri}")
            if verdict is None and older is None:
                continue
            files.remove(file)
            if verdict is None and older is not None:
                # an image redrawn for a version not yet in force: the bytes in force, from Git
                # (none before it: it belongs to the new version only, and is left out)
                if not older:
                    continue  # nothing approved in force: left out (never the index's bytes)
                found = (site.stored or self._stored_versions()).file_at(
                    older, f"{DOCS_DIR}/{file.src_uri}"
                )
                if found is not None:
                    files.append(File.generated(config, file.src_uri, content=found))
                continue
            if verdict:
                refused.append(verdict)
        self._restore_images(files, config, site, ahead)
        self._own_pictures(files, config, site, page_pictures)
        # a document the site's day had in force whose file has left the work tree since (a
        # site built as of a past day): its page, from the text Git holds (site.documents); the
        # page is built from that text alone (pages.document_page), so the file is empty
        in_tree = {d.id for d in site.repo.documents}
        for document in site.documents.values():
            src_uri = document.path.removeprefix(f"{DOCS_DIR}/")
            if (
                document.id not in in_tree
                and not os.path.lexists(self.root / document.path)
                and files.get_file_from_path(src_uri) is None
            ):
                files.append(File.generated(config, src_uri, content=""))
        t = self.texts
        # a document due on the site that MkDocs will not render is a controlled copy missing
        # without a word: said like any other refusal (a strict build fails)
        rendered = {
            f"{DOCS_DIR}/{f.src_uri}"
            for f in files
            if f.inclusion.is_included() and f.is_documentation_page()
        }
        for path in sorted(site.published_paths - rendered - site.unrenderable.keys()):
            shown = publishing.printable_path(path)
            refused.append(t.text("site.plugin.refused.left-out", path=shown))
        refused += self._same_page(files, config, docs_dir)
        for path in sorted(site.images_kept_back):
            shown = publishing.printable_path(path)
            refused.append(t.text("site.plugin.refused.picture-hidden", path=shown))
        for record in site.refused_records:
            refused.append(
                t.text("site.plugin.refused.record-id", path=publishing.printable_path(record.path))
            )
        if refused and self.strict:
            reasons = t.text("site.plugin.not-published", reason="; ".join(refused))
            raise PluginError(_say(t, "site.plugin.strict", reasons=reasons))
        for reason in refused:
            log.warning("%s", _say(t, "site.plugin.not-published", reason=reason))
        if self.unused_assets:
            paths = ", ".join(self.unused_assets)
            log.info("%s", _say(t, "site.plugin.images-unused", paths=paths))
        self.added = set()
        for src_uri, (title, markdown) in self.generated.items():
            if files.get_file_from_path(src_uri) is None:
                self.added.add(src_uri)
                # the registers repeat what the documents' own pages say: keep them out of search
                search = ""
                if src_uri in UNSEARCHED:
                    search = "search:\n  exclude: true\n"
                elif src_uri in self.record_pages:
                    search = f"search:\n  boost: {RECORD_BOOST}\n"
                head = f"---\ntitle: {_yaml_text(html.escape(title))}\nhide: [toc]\n{search}---\n\n"
                # on disk, rewritten only when changed: a dirty rebuild then skips unchanged pages
                source = self._page_path(src_uri)
                data = (head + markdown).encode("utf-8")
                if not source.is_file() or source.read_bytes() != data:
                    write_atomic(source, data)
                # record pages are reached from the record index, not the navigation: say so,
                # or every build logs each of them as "not included in the nav"
                inclusion = (
                    InclusionLevel.NOT_IN_NAV
                    if src_uri in self.record_pages
                    else InclusionLevel.UNDEFINED
                )
                files.append(
                    File.generated(config, src_uri, abs_src_path=str(source), inclusion=inclusion)
                )
        for name in ASSETS:
            data = resources.files("doccontrol.site").joinpath(f"assets/{name}").read_bytes()
            files.append(File.generated(config, f"{BUILD_ASSETS}/{name}", content=data))
        if self.mermaid is not None:
            # the bytes whose sha256 was checked, never the path read again
            files.append(
                File.generated(config, "assets/vendor/mermaid.min.js", content=self.mermaid.data)
            )
        if config.nav is None:
            config.nav = pages.navigation(site)
        else:
            # mkdocs.yml's own nav: only pages this build renders, published titles, and no
            # link whose typed title names something hidden (site/navigation.py)
            rendered = {
                f.src_uri for f in files if f.inclusion.is_included() and f.is_documentation_page()
            }
            nav = navigation.adopted(site, config.nav, rendered)
            config.nav = nav.nav
            if nav.dropped:
                said = "doccontrol: " + t.count("site.plugin.nav-left-out", nav.dropped)
                log.info("%s", said)
        return files

    def _same_page(self, files: Files, config: Any, docs_dir: str) -> list[str]:
        """Pages from docs/ that share their URL with another page, taken out and refused by
        name: MkDocs writes such pages over each other (``a.md``, ``a/index.md`` and
        ``a/README.md`` are all ``a/index.html``), so one controlled page would be lost
        without a word; and none may stand where doccontrol generates a page (the approval
        trail, a register, a record), which the navigation names as that page. The home
        page aside: an adopter's own ``docs/index.md`` is meant to replace the generated one."""
        t = self.texts
        generated: dict[str, str] = {}  # page URL → the generated page's source
        for src_uri in self.generated:
            if src_uri == model.HOME_SRC and files.get_file_from_path(src_uri) is not None:
                continue
            where = File(src_uri, None, config.site_dir, config.use_directory_urls)
            generated[same_key(where.dest_uri)] = src_uri
        by_page: dict[str, list[File]] = {}
        for file in files:
            if (
                file.abs_src_path is not None
                and os.path.normpath(file.src_dir or "") == docs_dir
                and file.is_documentation_page()
                and file.inclusion.is_included()
            ):
                # one page, too, where letter case or Unicode form differ (a disk or web
                # host that does not tell them apart)
                by_page.setdefault(same_key(file.dest_uri), []).append(file)
        refused: list[str] = []
        # the files the build writes at the top (the theme's 404 page, the sitemap, the stamp):
        # a page there is written over (or under: a folder where a file goes ends the build)
        written = sorted(same_key(name) for name in reserved_pages.FILES)
        for page, group in sorted(by_page.items()):
            clash = next((w for w in written if page == w or page.startswith(f"{w}/")), None)
            if clash is not None:
                for file in group:
                    files.remove(file)
                    shown = publishing.printable_path(f"{DOCS_DIR}/{file.src_uri}")
                    refused.append(
                        t.text("site.plugin.refused.written-file", path=shown, page=clash)
                    )
                continue
            if len(group) < 2 and page not in generated:
                continue
            for file in group:
                files.remove(file)
                shown = publishing.printable_path(f"{DOCS_DIR}/{file.src_uri}")
                dest = file.dest_uri
                if page in generated:
                    key, others = "site.plugin.refused.generated-page", [generated[page]]
                else:
                    key, others = (
                        "site.plugin.refused.same-page",
                        [f"{DOCS_DIR}/{f.src_uri}" for f in group if f is not file],
                    )
                listed = t.text("label.separator").join(
                    publishing.printable_path(o) for o in others
                )
                refused.append(t.text(key, path=shown, others=listed, page=dest))
        return refused

    def _verdict(self, file: File) -> str | None:
        """None: publish the file; "": leave it out quietly (a document above the level);
        otherwise why it is refused."""
        site = self.site
        assert site is not None
        src_uri = file.src_uri
        repo_path = f"{DOCS_DIR}/{src_uri}"
        shown = publishing.printable_path(repo_path)
        t = self.texts
        if publishing.unsafe_character(src_uri):
            return t.text("site.plugin.refused.control-character", path=shown)
        if same_key(src_uri).startswith(same_key(f"{BUILD_ASSETS}/")):
            # the build's own files (a page's own copy of a picture, its CSS): nothing from
            # docs/ stands in their place, nor is taken for one (round 88)
            return t.text("site.plugin.refused.build-place", path=shown, place=BUILD_ASSETS)
        here = self.root / DOCS_DIR
        mode = 0
        for part in PurePosixPath(src_uri).parts:
            here = here / part
            try:
                mode = here.lstat().st_mode
            except OSError:
                return t.text("site.plugin.refused.unreadable", path=shown)
            if stat.S_ISLNK(mode):
                return t.text("site.plugin.refused.symlink", path=shown)
        if not stat.S_ISREG(mode):
            return t.text("site.plugin.refused.not-regular", path=shown)
        if publishing.is_document_path(src_uri):
            if not file.is_documentation_page():
                return t.text("site.plugin.refused.not-markdown", path=shown)
            if repo_path in site.published_paths:
                problem = site.unrenderable.get(repo_path)
                if problem is not None:
                    # the renderer would crash on it or hang: left out, said like any refusal
                    return t.text(
                        "site.plugin.refused.unrenderable",
                        path=shown,
                        problem=problem.format(t, site.names),
                    )
                return None
            if repo_path in site.document_paths:
                return ""  # a document above the publishing level: the normal filter
            return t.text("site.plugin.refused.not-loaded", path=shown)
        if publishing.is_asset_path(src_uri):
            unapproved = self.unapproved_assets
            if unapproved is not None and (unapproved is ALL or repo_path in unapproved):
                # the approved text's picture is not the one a direct commit put in its place
                return t.text("site.plugin.refused.asset-unapproved", path=shown)
            if repo_path not in site.images_used:
                # no published page shows it: a secret document's figure, or one no page uses
                self.unused_assets.append(shown)
                return ""
            return None
        return t.text("site.plugin.refused.other", path=shown)

    def _page_path(self, src_uri: str) -> Path:
        """Where a generated page is written: inside PAGES_DIR, whatever the page's name."""
        pages_dir = self.root / PAGES_DIR
        here = self.root
        for part in PurePosixPath(PAGES_DIR).parts:
            here = here / part
            if here.is_symlink():
                raise PluginError(
                    _say(self.texts, "site.plugin.symlink", path=_rel(self.root, here))
                )
        parts = PurePosixPath(src_uri).parts
        if (
            posixpath.normpath(src_uri) != src_uri
            or src_uri.startswith("/")
            or any(part in ("", ".", "..") for part in parts)
            or publishing.unsafe_character(src_uri)
            or "\\" in src_uri
        ):
            raise PluginError(_say(self.texts, "site.plugin.page-name", name=repr(src_uri)))
        target = pages_dir.joinpath(*parts)
        here = pages_dir
        for part in parts:
            here = here / part
            if here.is_symlink():
                raise PluginError(
                    _say(self.texts, "site.plugin.symlink", path=_rel(self.root, here))
                )
        if not target.resolve().is_relative_to(pages_dir.resolve()):
            raise PluginError(
                _say(self.texts, "site.plugin.page-outside", name=repr(src_uri), folder=PAGES_DIR)
            )
        return target

    def on_page_markdown(self, markdown: str, page: Page, config: Any, files: Files) -> str:
        site = self.site
        assert site is not None
        self.text_place.current = None  # set below for a moved document page only
        self.moved_pages.pop(page.file.src_uri, None)
        if page.file.src_uri in self.added:
            # our own HTML blocks skip Python-Markdown (put back in on_page_content)
            lifted = raw_html.lift(markdown, self.body_nonce)
            self.lifted[page.file.src_uri] = lifted
            return lifted.markdown
        document = site.document_at("docs/" + page.file.src_uri)
        if document is None:
            return markdown
        self.document_pages.add(page.file.src_uri)
        self._guard_render(page)
        if not site.preview:
            # the page's front matter is the published text's (none when that is withheld):
            # a description, say, from a change nobody approved never reaches the page
            text = site.page_text(document.id or "")
            page.meta = dict(text.meta) if text is not None else {}
            if text is not None and text.path != document.path:
                # moved by a change not in force: its names are read from the text's place
                moved = text_place.Moved(text.path, document.path, f"doccontrol-{self.body_nonce}-")
                self.moved_pages[page.file.src_uri] = self.text_place.current = moved
            if text is not None:
                document = text
        page.meta["title"] = html.escape(
            f"{document.id} {site.page_title(document)}"
        )  # titles are HTML in MkDocs
        # Material reads `status` as its page-status badge: only obsolete documents get one
        page.meta.pop("status", None)
        if document.status == "obsolete":
            page.meta["status"] = "deprecated"
        search = page.meta.get("search")
        page.meta["search"] = {
            "boost": DOCUMENT_BOOST,
            **(search if isinstance(search, dict) else {}),
        }
        try:
            built = pages.document_page(site, document, page.file.src_uri, self.body_nonce)
        except TemplateError as exc:
            raise PluginError(_say(self.texts, "site.plugin.text", text=str(exc))) from None
        self.document_parts[page.file.src_uri] = built
        # where this document's page is written, for the stamp (an audit pack takes the page
        # the site made for an id, never one found by a path)
        self.page_files[document.id or ""] = page.file.dest_uri
        return built.markdown

    def _guard_render(self, page: Page) -> None:
        """A body nested deeper than Python-Markdown's stack (one validate.renderable let
        past) is refused, naming the page, never a traceback that takes the site down."""
        render = page.render
        t = self.texts
        shown = publishing.printable_path(f"{DOCS_DIR}/{page.file.src_uri}")

        def guarded(config: Any, files: Files) -> None:
            try:
                render(config, files)
            except RecursionError:
                problem = t.text("site.plugin.too-deep")
                raise PluginError(
                    _say(t, "site.plugin.refused.unrenderable", path=shown, problem=problem)
                ) from None

        page.render = guarded  # type: ignore[method-assign]

    def on_page_content(self, html: str, page: Page, config: Any, files: Files) -> str:
        # every page from docs/ is an author's Markdown, raw HTML and all: clean it. The
        # generated pages are built from escaped values (and carry the trail's filter form).
        self.text_place.current = None  # the page is rendered
        src = page.file.src_uri
        if src in self.added:
            lifted = self.lifted.pop(src, None)
            if lifted is None:
                return html
            restored = lifted.restore(html)
            if restored is None:  # another plugin took a mark out: never a page half there
                raise PluginError(_say(self.texts, "site.plugin.lost-part", page=src))
            return restored
        if src in self.document_pages:
            built = self.document_parts.pop(src, None)
            if built is not None:
                html, history_placed = built.fill(html)
                if history_placed:
                    # the heading is HTML (nothing after the body is Markdown): list it
                    page.toc.items.append(AnchorLink(built.history_title, pages.HISTORY_ANCHOR, 2))
            parts = sanitize.clean_parts(html, self.body_nonce, self._picture_links(page, config))
            if parts is None:
                return sanitize.clean(html, body=True)
            # the search indexes what the document says; its control block, banners and
            # change history would make every result's snippet the same 文件编号… table
            self.search_body[src] = parts[1]
            return "".join(parts)
        return sanitize.clean(html)

    def _picture_links(self, page: Page, config: Any) -> Callable[[str], str | None] | None:
        """For a document page (``_own_pictures``): each ``src`` or ``href`` a browser reads as
        a picture of the site (``page_links.fetched_target``: from the page's URL, as the
        browser reads the value) is left as it is if it is a picture the page's text shows as
        control reads it; pointed at the page's own copy where it has one; else taken out
        (""): a name that climbs above the site's root, a spelling control does not resolve
        the same way (rounds 87–88). A page moved by a change not in force yet gives the text
        in force, whose names mean what they mean from that text's own place, each read one
        way only: a Markdown name by its mark (``text_place``), a raw HTML one from the text's
        own page (round 88, hole 3; round 90)."""
        site = self.site
        document = site.document_at(f"{DOCS_DIR}/{page.file.src_uri}") if site else None
        mine = self.page_pictures.get(document.id or "") if document is not None else None
        if document is None or mine is None:
            return None  # a preview, or a page whose text Git does not hold: as it is
        path = f"{DOCS_DIR}/{page.file.src_uri}"
        moved = self.moved_pages.get(page.file.src_uri)
        directory_urls = bool(config.use_directory_urls)
        url = page.file.url
        url_names_picture = page_links.may_name_picture(url)
        folder = url.rstrip("/") if url.endswith("/") else posixpath.dirname(url)
        build_place = same_key(f"{DOCS_DIR}/{BUILD_ASSETS}/")
        # the site's own address (site_url): a picture named by it is one named from the root
        site_host = page_links.browser_host(config.site_url or "")

        def shown(meant: str | None, fetched: str | None) -> str | None:
            """The value that shows ``meant``: as it is when the browser fetches it there
            already (None), its place or the page's own copy, or "" for none."""
            if meant is None or meant not in mine or same_key(meant).startswith(build_place):
                # not a picture the page's text shows as control read it, or one in the
                # build's own place (a page's own copy is never another text's picture)
                return ""
            own = mine[meant]
            if own is None and meant == fetched:
                return None  # the bytes served at its path
            if own is None:  # the page moved: the picture at its text's own place
                own = meant.removeprefix(f"{DOCS_DIR}/")
            return urllib.parse.quote(posixpath.relpath(own, folder or ".")) if own else ""

        def link(value: str) -> str | None:
            if value.startswith("#"):
                return None  # a place on the page itself (every heading's permalink)
            read = page_links.browser_url(value)
            try:
                split = urllib.parse.urlsplit(read)
            except ValueError:  # no URL a browser could load either (a broken IPv6 host)
                return ""
            if moved is not None and moved.marker in split.query:
                # a Markdown name, read from the text's own file before MkDocs saw it; its
                # mark is never left on the page
                return shown(moved.target(split.query), None) or ""
            if not url_names_picture and not page_links.may_name_picture(read):
                return None  # no picture, whatever it leads to (a link to another page)
            if site_host and page_links.browser_host(read) == site_host:
                # read as the browser reads host and path (round 96): any port, any spelling
                return "" if page_links.may_name_picture(read) else None
            fetched = page_links.fetched_target(url, read)
            if fetched is None or not publishing.is_asset_path(fetched):
                return None  # not a picture of this site
            if page_links.served_target(path, read, directory_urls) != fetched:
                return ""  # control reads it otherwise than the browser: never shown
            if same_key(fetched).startswith(build_place):
                return ""  # a page's own copy is never another text's picture
            if moved is None:
                return shown(fetched, fetched)
            # raw HTML on a moved page: as the browser reads it from the text's own page
            return shown(page_links.served_target(moved.text_path, read, directory_urls), fetched)

        return link

    @event_priority(-100)  # after the other plugins' post-build steps
    def on_post_build(self, *, config: Any) -> None:
        self._pdfs(config)
        self._close_reader()
        # last: only a build that got this far vouches for its pages (site/stamp.py)
        # a preview, or a build whose controlled configuration has a change nobody approved
        # (mkdocs.yml's nav, hooks, site name…) or is not main's (a branch's review build),
        # vouches for nothing: no stamp, which names main's head
        vouched = (
            self.clean_build
            and not self.preview
            and not self.pending_controlled
            and not self.moved_inputs
        )
        stamp.finish(self.site, Path(config.site_dir), vouched, self.page_files)

    def _pdfs(self, config: Any) -> None:
        # publish.pdf: a PDF of every published document in force (doccontrol.pdf.site)
        site = self.site
        if site is None or not site.config.publish.pdf:
            return
        t = self.texts
        if site.history is None:
            raise PluginError(_say(t, "site.plugin.pdf.no-history"))
        try:
            from doccontrol.pdf import facts as pdf_facts
            from doccontrol.pdf import site as pdf_site
        except ImportError as exc:
            raise PluginError(_say(t, "site.plugin.pdf.extra", module=exc.name)) from None
        try:
            mermaid_js = self.mermaid.path if self.mermaid else self.root / vendor.MERMAID_JS
            warnings = pdf_site.build(site, Path(config.site_dir), mermaid_js)
        except pdf_facts.Refused as exc:
            raise PluginError(_say(t, "site.plugin.pdf.refused", text=exc.text(t))) from None
        for warning in warnings:
            log.warning("%s", _say(t, "site.plugin.text", text=warning))

    @event_priority(100)  # before the search plugin reads the page
    def _search_text_in(self, context: Any, *, page: Page, config: Any, nav: Any) -> Any:
        # a document page: let the search read the document's own text alone. A record page
        # is a table whose cells the search would run together: let the search read
        # "field: value" paragraphs instead. Either way the page is put back right after.
        src = page.file.src_uri
        indexed = self.search_body.pop(src, None)
        if indexed is None and src in self.record_pages and src in self.added:
            site = self.site
            assert site is not None
            texts = catalogue.load(catalogue.language_for(site.config.language, {}))
            separators = searchtext.Separators(
                field=texts.text("site.search.field"),
                nested=texts.text("site.search.nested"),
                item=texts.text("site.search.item"),
            )
            indexed = searchtext.record_search_html(page.content or "", separators)
        if indexed is not None:
            self.shown_content[src] = page.content or ""
            page.content = indexed
        return context

    @event_priority(-100)  # after every plugin that reads the page for the index
    def _search_text_out(self, context: Any, *, page: Page, config: Any, nav: Any) -> Any:
        shown = self.shown_content.pop(page.file.src_uri, None)
        if shown is not None:
            page.content = shown
        return context

    on_page_context = CombinedEvent(_search_text_in, _search_text_out)

    def on_nav(self, nav: Navigation, /, *, config: Any, files: Files) -> Navigation:
        self._nav = nav
        return nav

    def on_env(self, env: Any, /, *, config: Any, files: Files) -> Any:
        # the record pages, outside the navigation, share one rendering of it (nav_cache.py)
        if self._nav is not None and config.theme.name == "material":
            nav_cache.install(env, self._nav, config, Path(get_theme_dir("material")))
        return env

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        # `mkdocs serve` watches docs_dir and mkdocs.yml; the site also shows the records,
        # the schemas (forms, record index) and doccontrol.yml (people, roles, publishing)
        for name in ("records", "schemas", "doccontrol.yml"):
            if (self.root / name).exists():
                server.watch(str(self.root / name))
        return server


def _theme_files(
    root: Path, config: Any, options_file: Path, main_tip: str | None, preview: bool
) -> tuple[str, ...]:
    """What the theme shows from docs/ on every page (theme.logo, theme.favicon: paths relative
    to docs/), for the core to publish with the pages: in a preview as the work tree's
    mkdocs.yml names them; otherwise only a value the mkdocs.yml in force on main names
    (``main_tip``: main's tip, whose mkdocs.yml is approved; None when its last change was
    not, or there is no history) and the build shows. A branch's or an uncommitted edit's
    different value counts for nothing, nor does one mkdocs.yml cannot name as written (an
    !ENV tag, INHERIT): when in doubt, none."""
    theme = config.theme
    shown = {key: theme.get(key) for key in ("logo", "favicon")}
    if preview:
        return tuple(value for value in shown.values() if isinstance(value, str))
    if main_tip is None or not options_file.is_relative_to(root):
        return ()
    approved = _approved_theme(root, options_file.relative_to(root).as_posix(), main_tip)
    return tuple(
        value
        for key, value in shown.items()
        if isinstance(value, str) and approved.get(key) == value
    )


class _AsWritten(yaml.SafeLoader):
    """mkdocs.yml read as written: every tag (``!ENV``, ``!!python/name``) reads as nothing,
    so no value is taken from the environment or named by code."""


_AsWritten.add_multi_constructor("", lambda loader, suffix, node: None)


def _approved_theme(root: Path, name: str, main_tip: str) -> dict[str, Any]:
    """The ``theme`` mapping of the options file ``name`` as main's tip holds it, read as
    written: a tag (``!ENV``, ``!!python/name``) reads as nothing, and a file that inherits
    (INHERIT), is not controlled, or cannot be read gives nothing."""
    from doccontrol.config import CONTROLLED_PATHS

    if name not in CONTROLLED_PATHS:
        return {}  # not mkdocs.yml (mkdocs -f other.yml): nothing vouches for it
    held = run_git(root, ["cat-file", "blob", f"{main_tip}:./{name}"])
    if held.returncode != 0:
        return {}
    try:
        raw = yaml.load(held.stdout, Loader=_AsWritten)
    except (yaml.YAMLError, ValueError, RecursionError):
        return {}
    if not isinstance(raw, dict) or "INHERIT" in raw or not isinstance(raw.get("theme"), dict):
        return {}
    return dict(raw["theme"])


# every image, when nothing can be vouched for (no history)
ALL: frozenset[str] = frozenset({"*"})


def _unapproved_assets(root: Path, site: model.Site, pending: list[str]) -> frozenset[str]:
    """Images under docs/ whose bytes are not the approved ones: a controlled file whose last
    change on main nobody approved (``pending``), or a work-tree file Git's last commit does
    not hold as it is (edited, staged, untracked or ignored). Without history, all of them."""
    if site.history is None:
        return ALL
    found = set(pending)
    changed = run_git(root, ["diff", "--name-only", "-z", "--relative", "HEAD", "--", DOCS_DIR])
    others = run_git(root, ["ls-files", "-z", "--others", "--", DOCS_DIR])
    for listing in (changed, others):
        if listing.returncode != 0:
            return ALL  # git cannot say what the work tree holds: vouch for none
        text = listing.stdout.decode("utf-8", "surrogateescape")
        found.update(p for p in text.split("\0") if p)
    return frozenset(found)


def _strict_from_environment() -> bool:
    """DOCCONTROL_STRICT as the shipped CI sets it (true, 1, yes, on)."""
    return _flag_from_environment("DOCCONTROL_STRICT")


def _site_dir_from(options_file: Path, site_dir: Path) -> bool:
    """Whether ``site_dir`` is the one mkdocs.yml sets (not MkDocs' own ``site`` beside it,
    nor one given on the command line): read from the file as MkDocs reads it."""
    from mkdocs.utils.yaml import yaml_load

    try:
        with options_file.open(encoding="utf-8") as handle:
            raw = yaml_load(handle)
    except Exception:  # unreadable here: MkDocs read it, so a value it set cannot be told
        return True
    named = raw.get("site_dir") if isinstance(raw, dict) else None
    if not isinstance(named, str) or named in ("site", "site/", "./site"):
        return False
    # compared as the folders really are (mkdocs -f through a link names the same ones)
    set_there = os.path.realpath(os.path.join(options_file.parent, named))
    return set_there == os.path.realpath(site_dir)


# Markdown extensions and MkDocs plugins that put another file's text into a page while it
# renders (pymdownx.snippets' --8<--, markdown-include's {!file!}, include-markdown's and
# macros' include directives)
# and Material's projects plugin, which builds other MkDocs configurations (any
# projects/*/mkdocs.yml, whose docs_dir may be ../../docs) into the site without doccontrol
_INCLUDING_EXTENSIONS = frozenset(
    {"pymdownx.snippets", "markdown_include.include", "markdown_include", "mdx_include"}
)
_INCLUDING_PLUGINS = frozenset({"include-markdown", "macros", "mkdocs-macros", "projects"})
# the same plugins by the module their class comes from, whatever name loaded them
_INCLUDING_MODULES = (
    "mkdocs_include_markdown_plugin",
    "mkdocs_macros",
    "material.plugins.projects",
)


def _file_includes(config: Any) -> list[str]:
    """The extensions and plugins of ``config`` that include files into pages (or build
    other sites into it). An extension is named by its module, with or without a class
    (``pymdownx.snippets:SnippetExtension``); a plugin by its name or its class's module."""
    found = {
        str(name)
        for name in config.markdown_extensions or ()
        if str(name).split(":", 1)[0].strip() in _INCLUDING_EXTENSIONS
    }
    for name, plugin in (config.plugins or {}).items():
        module = type(plugin).__module__
        short = str(name).rsplit("/", 1)[-1].split("#", 1)[0].strip()
        if short in _INCLUDING_PLUGINS or module.startswith(_INCLUDING_MODULES):
            found.add(str(name))
    return sorted(found)


def _hook_files(config: Any) -> list[Path]:
    """The files of the hooks the build loaded (MkDocs' ``hooks:``, wherever it was set): as
    the configuration names them (relative to mkdocs.yml, as MkDocs reads them) and as each
    module says it was loaded from. A hook's code has run by now and could say anything of
    itself; history's control of the files is what stops a pushed one (trail --strict)."""
    found = set()
    base = Path(config.config_file_path).resolve().parent
    for written, module in (config.hooks or {}).items():
        found.add((base / str(written)).resolve())
        name = getattr(module, "__file__", None)
        if name:
            found.add(Path(name).resolve())
    return sorted(found)


def _unruled_hooks(root: Path, config: Any, work_tree: Any, history: Any) -> list[str]:
    """The hooks the rules in force on main do not control (doccontrol.yml's controlled_paths
    and the files the mkdocs.yml in force names), or that lie outside the repository."""
    hooks = _hook_files(config)
    if not hooks:  # most sites: no git read for them
        return []
    ruled = publishing.config_in_force(root, history) or work_tree
    named = history.site_named
    found = []
    for path in hooks:
        if not path.is_relative_to(root.resolve()):
            found.append(str(path))
            continue
        rel = path.relative_to(root.resolve()).as_posix()
        if not rules_paths.controlled_path(rel, ruled, named, False):
            found.append(rel)
    return sorted(found)


def _build_inputs(root: Path, options_file: Path, config: Any) -> list[str]:
    """The controlled files a build trusts from the work tree: doccontrol.yml, mkdocs.yml and
    the files it inherits (INHERIT:), and the theme's custom_dir (each relative to the
    repository, when inside it)."""
    found = [CONFIG_FILE]
    custom = getattr(config.theme, "custom_dir", None)
    paths = [
        *_inherited(options_file),
        (root / custom).resolve() if custom else None,
        *_hook_files(config),
    ]
    for path in paths:
        if path is not None and path.is_relative_to(root.resolve()) and path != root.resolve():
            found.append(path.relative_to(root.resolve()).as_posix())
    return found


_INHERIT = re.compile(r"^INHERIT:[ \t]*(['\"]?)(?P<path>[^'\"#\r\n]+?)\1[ \t]*(?:#.*)?$", re.M)


def _inherited(options_file: Path) -> list[Path]:
    """``options_file`` and the chain of files it inherits from (MkDocs' INHERIT key, each
    relative to the file that names it), as far as they can be read."""
    chain = [options_file]
    while len(chain) < 16:
        try:
            text = chain[-1].read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            break
        match = _INHERIT.search(text)
        if match is None:
            break
        parent = (chain[-1].parent / match["path"].strip()).resolve()
        if parent in chain:
            break
        chain.append(parent)
    return chain


def _flag_from_environment(name: str) -> bool:
    value = os.environ.get(name, "")
    return value.strip().lower() in ("true", "1", "yes", "on")


def _warn_pending_configuration(history: Any, t: catalogue.Catalogue) -> None:
    """Every build says when the controlled configuration it is built with is not approved
    (a strict build stops on it further on)."""
    controlled = rules.pending_controlled(history.events)
    if controlled:
        log.warning(
            "doccontrol: %s", t.text("site.inputs.pending-config", paths=", ".join(controlled))
        )


def _vendored_mermaid(
    root: Path, option: str, strict: bool, t: catalogue.Catalogue
) -> vendor.Vendored | None:
    """The vendored Mermaid every page loads, or None (said; a strict build stops): only the
    pinned script, from .cache/vendor/, never through a link (mermaid_js could otherwise
    name a secret document, and a committed copy could be any script)."""
    found = vendor.mermaid(root, option)
    if isinstance(found, vendor.Vendored):
        return found
    message = "doccontrol: " + found.text(t)
    if strict:
        raise PluginError(message)
    log.warning(message)
    return None


def _template_dirs(
    root: Path,
    config: Any,
    approval: ApprovalRules | None,
    strict: bool,
    pending: Sequence[str] | None,
    moved: Sequence[str],
    t: catalogue.Catalogue,
) -> tuple[Path, ...]:
    """The theme's custom_dir, whose doccontrol/<name>.html override the shipped templates
    (the same convention as overriding the theme's own templates).

    Every template in the custom_dir decides what pages show (Material's main.html as much as
    doccontrol/control-block.html), and MkDocs templates reach the whole build: the folder is
    used only when it lies inside the repository, under a controlled path
    (approval.controlled_paths), with no unapproved change and no symbolic link. Otherwise a
    direct push could make an unapproved page look approved. Fail closed: strict builds stop;
    others drop the folder from the theme (its own templates render) and say why. A folder
    the work tree holds otherwise than main's tip (``moved``: a branch's review build, an edit)
    is dropped in every build: main's site does not use those templates, and a pull request's
    build must not stop for them."""
    custom = getattr(config.theme, "custom_dir", None)
    if not custom:
        return ()
    folder = (root / custom).resolve()
    message = _custom_dir_refusal(root, folder, approval, pending, t)
    inside = folder.is_relative_to(root.resolve())
    shown = folder.relative_to(root.resolve()).as_posix() if inside else str(folder)
    if message is None and shown in moved:
        message = _say(t, "site.plugin.templates.work-tree", folder=shown)
        strict = False
    if message is None:
        return (folder,) if (folder / "doccontrol").is_dir() else ()
    if strict:
        raise PluginError(message)
    log.warning(message)
    dirs = config.theme.dirs
    dirs[:] = [d for d in dirs if Path(d).resolve() != folder]
    return ()


def _custom_dir_refusal(
    root: Path,
    folder: Path,
    approval: ApprovalRules | None,
    pending: Sequence[str] | None,
    t: catalogue.Catalogue,
) -> str | None:
    """Why the custom_dir ``folder`` may not be used, or None."""
    shown = str(folder)
    if folder.is_relative_to(root.resolve()):
        shown = folder.relative_to(root.resolve()).as_posix()
        if approval is not None and approval.controls(f"{shown}/"):
            changed = [
                p
                for p in (pending or ())
                if p.startswith(f"{shown}/") or f"{shown}/".startswith(f"{p}/")
            ]
            if pending is not None and not changed:
                link = _submodule_above(root.resolve(), folder) or _special_entry(folder)
                if link is None:
                    return None
                key = "submodule" if link.name == ".git" else "link"
                link_shown = _rel(root, link.parent if key == "submodule" else link)
                return _say(t, f"site.inputs.custom-dir.{key}", path=shown, link=link_shown)
            # what the work tree holds there is not what was approved (or, without the
            # history, cannot be known to be): the theme's own templates speak instead
            reason = ", ".join(changed) if changed else t.text("site.plugin.templates.no-history")
            return _say(t, "site.plugin.templates.pending", folder=shown, reason=reason)
    return _say(t, "site.plugin.templates.uncontrolled", folder=shown, config=CONFIG_FILE)


def _submodule_above(root: Path, folder: Path) -> Path | None:
    """The ``.git`` of a submodule (or any repository) that holds ``folder``, below ``root``."""
    for here in (folder, *folder.parents):
        if here == root or not here.is_relative_to(root):
            return None
        if os.path.lexists(here / ".git"):
            return here / ".git"
    return None


def _special_entry(folder: Path) -> Path | None:
    """The first symbolic link, special file or submodule (its ``.git``) in ``folder``: Git
    approves a link, not what it points to, and a submodule's commit, not that repository's
    files."""
    for here, dirs, files in os.walk(folder):
        for name in sorted([*dirs, *files]):
            if name == ".git":
                return Path(here) / name
            mode = (Path(here) / name).lstat().st_mode
            if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                return Path(here) / name
    return None


def _say(t: catalogue.Catalogue, key: str, /, **args: Any) -> str:
    """A build message in the site's language. "doccontrol: " stays as it is in every language:
    it is how MkDocs users tell a plugin's lines apart."""
    return "doccontrol: " + t.text(key, **args)


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _yaml_text(text: str) -> str:
    """A title as a double-quoted YAML scalar (record titles come from records)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
