"""Where an image's approved bytes are, as main stood at an approval: the one answer a printed
copy (``pdf``) and a copy's check (``recall-due``) read.

An image under docs/ is a controlled file: a change to it takes effect only by an approval
(history accepts it). A document's approval vouches for its text and for the images that text
shows as they were approved by then: each image's bytes at its last approved change on main up
to that approval. A picture pushed straight to main, which nobody approved, is never printed on
a controlled copy because some document was approved after it (its review's diff never showed
the picture).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from doccontrol.history.gitread import GitReader
from doccontrol.history.model import ApprovalEvent
from doccontrol.history.rules import controlled_accepted
from doccontrol.publishing import is_asset_path

# (image path, commit) → the commit to read its approved bytes at ("" for none approved)
ImageSource = Callable[[str, str], str]


@dataclass(frozen=True)
class ApprovedImages:
    places: Mapping[str, int]  # each commit of main's history → its place, oldest first
    # each image → its changes on main in order: (place, commit, approved)
    changes: Mapping[str, tuple[tuple[int, str, bool], ...]]

    def source(self, path: str, commit: str) -> str:
        """The commit whose bytes of ``path`` are the approved ones as main stood at
        ``commit``: that of its last approved change up to it ("" when every change up to it
        went unapproved: none to print). ``commit`` itself when it is not a commit of main's
        history or the image never changed there (read as it stands, as Git holds it)."""
        place = self.places.get(commit)
        changes = self.changes.get(path)
        if place is None or not changes:
            return commit
        found = ""
        for at, changed_by, approved in changes:
            if at > place:
                break
            if approved:  # a change nobody approved leaves the approved bytes as they were
                found = changed_by
        return found


def approved_images(events: Iterable[ApprovalEvent]) -> ApprovedImages:
    """Each image's changes on main, from the history's events (main's first parents, oldest
    first; direct commits and the changes before control began among them)."""
    places: dict[str, int] = {}
    changes: dict[str, list[tuple[int, str, bool]]] = {}
    for place, event in enumerate(events):
        places[event.commit] = place
        for path in event.controlled:
            if is_asset_path(path):
                changes.setdefault(path, []).append(
                    (place, event.commit, controlled_accepted(event, path))
                )
    return ApprovedImages(places, {path: tuple(found) for path, found in changes.items()})


def approved_reader(
    reader: GitReader, images: ApprovedImages, commit: str
) -> Callable[[str], bytes | None]:
    """Reads each image a copy of the version approved at ``commit`` embeds: its approved bytes
    as main stood then (None when none was approved: the copy leaves it out and says so)."""

    def read(path: str) -> bytes | None:
        at = images.source(path, commit)
        return reader.read_file_at(at, path) if at else None

    return read
