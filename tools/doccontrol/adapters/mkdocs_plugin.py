"""The ``doccontrol`` MkDocs plugin: a thin shell that places the core's pages into MkDocs.

It loads the repository and derives the history once (``on_config``), drops everything above
the publishing confidentiality from the file set before MkDocs sees it (so pages, navigation,
search index and sitemap never contain it), adds the generated registers and record pages,
and decorates each controlled page with its control block, banners and change history.
"""

from __future__ import annotations

import datetime
import html
import logging
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from doccontrol.atomic import write_atomic
from doccontrol.history.gitread import GitError
from doccontrol.history.load import load_history
from doccontrol.load import repository
from doccontrol.load.repository import RepositoryError
from doccontrol.site import model, pages
from doccontrol.validate.check import check

log = logging.getLogger("mkdocs.plugins.doccontrol")
ASSETS = ("doccontrol.css", "doccontrol.js")
UNSEARCHED = frozenset({model.REGISTER_SRC, model.TRAIL_SRC, model.COVERAGE_SRC, model.REVIEW_SRC})


class DocControlConfig(base.Config):
    strict = c.Type(bool, default=False)
    history = c.Type(bool, default=True)
    allow_shallow = c.Type(bool, default=False)
    as_of = c.Optional(c.Type(str))
    mermaid_js = c.Type(str, default=".cache/vendor/mermaid.min.js")


class DocControlPlugin(BasePlugin[DocControlConfig]):
    def __init__(self) -> None:
        self.site: model.Site | None = None
        self.generated: dict[str, tuple[str, str]] = {}
        self.root = Path(".")
        self.repo: repository.Repository | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this plugin across `mkdocs serve` rebuilds, so an edit
        # reloads only the files that changed (self.repo is reused).
        self.repo = None

    def on_config(self, config: Any) -> Any:
        self.root = Path(config.config_file_path).resolve().parent
        try:
            repo = repository.load(self.root, previous=self.repo)
            self.repo = repo
        except RepositoryError as exc:
            raise PluginError(f"doccontrol: {exc}") from None
        if repo.config is None:
            raise PluginError(
                "doccontrol: doccontrol.yml has problems; run 'doccontrol check doccontrol.yml'"
            )
        problems = check(repo)
        for problem in problems:
            log.warning("doccontrol: %s", problem.format())
        history = None
        if self.config.history:
            try:
                history = load_history(
                    self.root, repo.config, allow_shallow=self.config.allow_shallow
                )
            except GitError as exc:
                if self.config.strict:
                    raise PluginError(f"doccontrol: {exc}") from None
                log.warning("doccontrol: no approval history: %s", exc)
        try:
            as_of = (
                datetime.date.fromisoformat(self.config.as_of)
                if self.config.as_of
                else datetime.date.today()
            )
        except ValueError:
            raise PluginError(
                f"doccontrol: as_of {self.config.as_of!r} is not a date (YYYY-MM-DD)"
            ) from None
        self.site = model.Site(
            repo=repo,
            config=repo.config,
            history=history,
            as_of=as_of,
            problems=tuple(problems),
            directory_urls=bool(config.use_directory_urls),
            repo_url=repo.config.publish.repo_url or config.repo_url,
        )
        if self.config.strict:
            pending = [r.id for r in self.site.rows if r.pending]
            if problems or pending or (history and history.incomplete):
                reasons = []
                if problems:
                    reasons.append(f"{len(problems)} validation problems")
                if pending:
                    reasons.append(f"unapproved changes on the main branch in {', '.join(pending)}")
                if history and history.incomplete:
                    reasons.append("incomplete history (shallow clone)")
                raise PluginError("doccontrol strict: " + "; ".join(reasons))
        config.extra_css.append("assets/doccontrol/doccontrol.css")
        mermaid = self.root / self.config.mermaid_js
        if mermaid.is_file():
            config.extra_javascript.append("assets/vendor/mermaid.min.js")
        else:
            message = f"doccontrol: {self.config.mermaid_js} not found (run 'make vendor'): diagrams would load Mermaid from the internet"
            if self.config.strict:
                raise PluginError(message)
            log.warning(message)
        config.extra_javascript.append("assets/doccontrol/doccontrol.js")
        self.generated = pages.generated_pages(self.site)
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        site = self.site
        assert site is not None
        docs_dir = Path(config.docs_dir).resolve()
        for file in list(files):
            rel = (docs_dir / file.src_uri).resolve()
            try:
                repo_path = rel.relative_to(self.root).as_posix()
            except ValueError:
                continue
            if repo_path in site.hidden_paths:
                files.remove(file)
        pages_dir = self.root / ".cache/doccontrol/pages"
        for src_uri, (title, markdown) in self.generated.items():
            if files.get_file_from_path(src_uri) is None:
                # the registers repeat what the documents' own pages say: keep them out of search
                unsearched = "search:\n  exclude: true\n" if src_uri in UNSEARCHED else ""
                head = f"---\ntitle: {_yaml_text(html.escape(title))}\nhide: [toc]\n{unsearched}---\n\n"
                # on disk, rewritten only when changed: a dirty rebuild then skips unchanged pages
                source = pages_dir / src_uri
                data = (head + markdown).encode("utf-8")
                if not source.is_file() or source.read_bytes() != data:
                    write_atomic(source, data)
                files.append(File.generated(config, src_uri, abs_src_path=str(source)))
        for name in ASSETS:
            data = resources.files("doccontrol.site").joinpath(f"assets/{name}").read_bytes()
            files.append(File.generated(config, f"assets/doccontrol/{name}", content=data))
        mermaid = self.root / self.config.mermaid_js
        if mermaid.is_file():
            files.append(
                File.generated(config, "assets/vendor/mermaid.min.js", abs_src_path=str(mermaid))
            )
        if config.nav is None:
            config.nav = pages.navigation(site)
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: Any, files: Files) -> str:
        site = self.site
        assert site is not None
        path = "docs/" + page.file.src_uri
        document = next((d for d in site.documents.values() if d.path == path), None)
        if document is None:
            return markdown
        page.meta["title"] = html.escape(
            f"{document.id} {document.title}"
        )  # titles are HTML in MkDocs
        # Material reads `status` as its page-status badge: only obsolete documents get one
        page.meta.pop("status", None)
        if document.status == "obsolete":
            page.meta["status"] = "deprecated"
        return pages.document_page(site, document, page.file.src_uri)

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        # `mkdocs serve` watches docs_dir and mkdocs.yml; the site also shows the records,
        # the schemas (forms, record index) and doccontrol.yml (people, roles, publishing)
        for name in ("records", "schemas", "doccontrol.yml"):
            if (self.root / name).exists():
                server.watch(str(self.root / name))
        return server


def _yaml_text(text: str) -> str:
    """A title as a double-quoted YAML scalar (record titles come from records)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
