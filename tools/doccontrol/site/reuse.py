"""What the generated pages (registers, trail, forms, record pages…) are made from, as one value
that compares equal only when they would come out the same.

`mkdocs serve` keeps the plugin between rebuilds. Rendering the ninety-odd generated pages is
most of a rebuild's time on a large repository, and the usual edit (a document's wording)
reaches none of them: a rebuild whose inputs compare equal reuses the pages of the last one.

The pages read a document's front matter and path, and of its text only the references the
impact analysis finds (``impact.body_references``); its check problems come in with the
site's problems. Everything is compared by ``repr``, never by ``==``: YAML's ``1`` and
``true`` are equal in Python and print differently on a page. A history that cannot say what
it was derived from never compares equal, so its pages are always made afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from doccontrol.history.model import History
from doccontrol.impact import body_references
from doccontrol.memo import ByObject
from doccontrol.model import Document, Record
from doccontrol.site import templates
from doccontrol.site.model import Site

T = TypeVar("T")


class PageInputs:
    """Fingerprints of a site's inputs. Each document's and record's part is remembered by the
    object, so a rebuild looks again only at the files the repository loaded again (an
    unchanged file keeps its object: ``repository.load(previous=…)``)."""

    def __init__(self) -> None:
        self._parts: ByObject[str] = ByObject()

    def key(self, site: Site) -> tuple[object, ...]:
        repo = site.repo
        parts = self._parts

        def part(item: T, describe: Callable[[T], str]) -> str:
            return parts.get(item, lambda: describe(item))

        found = (
            site.as_of,
            site.language,
            site.directory_urls,
            site.site_files,  # the trail names what they show
            site.repo_url,
            site.extra_pages,
            site.template_dirs,
            templates.fingerprint(site.template_dirs),
            site.compiled,  # by identity: compiled afresh when an override folder changes
            part(site.config, repr),
            part(repo.config, repr),
            repr(site.problems),
            repr(repo.problems),
            _history(site.history),
            tuple(part(d, _document) for d in repo.documents),
            tuple(part(r, _record) for r in repo.records),
            tuple((t, part(rt, repr)) for t, rt in repo.record_types.items()),
            tuple(sorted(site.unsettled_types)),
            repr(repo.record_files),
            part(repo.clauses, lambda clauses: repr(dict(clauses))),  # a lazy mapping
            part(repo.document_schema, repr),
        )
        parts.keep_only(
            [
                site.config,
                repo.config,
                *repo.documents,
                *repo.records,
                *repo.record_types.values(),
                repo.clauses,
                repo.document_schema,
            ]
        )
        return found


def _document(document: Document) -> str:
    # every reference a text can make, a manual's table ids included, whatever its type
    return repr((document.path, document.meta, tuple(body_references(document.body, True))))


def _record(record: Record) -> str:
    return repr((record.path, record.type, record.data))


def same_history(a: History, b: History) -> bool:
    """Whether two loads of the history are of the same derivation (its tip, rules and
    evidence, its notices): a rebuild may keep the earlier one and what it has decoded."""
    return _history(a) == _history(b)


def _history(history: History | None) -> object:
    if history is None:
        return None
    if not history.derived_from:
        return object()  # equal to nothing: such a history's pages are made afresh
    return (
        history.derived_from,
        history.branch,
        history.head,
        history.incomplete,
        repr(history.notices),
        repr(history.hints),
    )
