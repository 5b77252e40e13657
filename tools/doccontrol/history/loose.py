"""Text the main line held at paths no approval judged (rounds 123 and 124). A draft committed
beside the documents (``drafts/p9.md``, a record, a file an approval of something else
carried) is nobody's approved text: whoever wrote it is a writer of any change that later
lands its lines in a document, however the change reached them (a fork from a commit that
held the draft, from an approval made while main held it, from a tip such an approval took,
or a copy typed from the log). History indexes each line commit's loose files as it walks the
line (``add``), and asks of each approval which of the lines it lands there came from
(``writers``); ``approve`` builds the same index from the line and asks the same question, so
the trail and the refusal agree."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, MutableMapping, Sequence

from doccontrol.history.gitread import Ancestor, Commit, FileChange, GitReader
from doccontrol.load import frontmatter
from doccontrol.paths import DOC_PATH

# where a line first stood at a loose path: the line commit that put it there, the path, and
# that commit's first parent when it is a merge (its side wrote the file), else ""
Source = tuple[str, str, str]

# shorter texts ("- 是", "status: ok") say nothing of who wrote them, and many files have them
SHORTEST = 8
# a text this long is no line of a document (a binary file's run of bytes)
_LONGEST = 1 << 16


def loose_changes(commit: Commit, accepted: Collection[str]) -> list[FileChange]:
    """The files a line commit wrote that no approval judged: anything but a document (the
    document rules judge those, approved or not) and the controlled files its approval
    accepted (the rules, a schema: their diff was judged)."""
    return [
        change
        for change in commit.changes
        if change.new_path
        and change.new_blob
        and change.regular
        and not DOC_PATH.match(change.new_path)
        and change.new_path not in accepted
    ]


def add(
    found: MutableMapping[str, Source],
    commit: Commit,
    changes: Sequence[FileChange],
    texts: Iterable[bytes | None],
) -> None:
    """Index the lines of ``changes`` (their ``texts``) as ``commit`` put them on the line; a
    line already indexed keeps its first writer."""
    parent = commit.parents[0] if len(commit.parents) > 1 else ""
    for change, text in zip(changes, texts, strict=True):
        for line in _file_units(text):
            found.setdefault(line, (commit.sha, change.new_path or "", parent))


def body(text: bytes | None) -> str:
    """A document's text below its front matter, read as history reads a version."""
    decoded = (text or b"").decode("utf-8", "replace").lstrip("\ufeff").replace("\r\n", "\n")
    split = frontmatter.split_text(decoded)
    return decoded if split is None else split[1]


def writers(
    reader: GitReader,
    found: Mapping[str, Source],
    landed: Iterable[str],
    elsewhere: Callable[[], set[str]],
    inside: Collection[str] = (),
) -> list[tuple[str, Ancestor]]:
    """The commits that wrote, at a loose path, text a change lands in its documents
    (``landed``: their bodies as the change leaves them), other than text a document already
    held (``elsewhere``, asked only when such text lands: every procedure's headings, the
    document's own text as it stood, the baseline) and the change's own commits (``inside``).
    Costs nothing unless text lands that the index holds; then one ``log`` per source."""
    brought: set[str] = set()
    for text in landed:
        brought |= units(text)
    hits = brought & found.keys()
    if not hits:
        return []
    hits -= elsewhere()
    if not hits:
        return []
    sources = sorted({found[unit] for unit in hits})
    owed = dict(reader.commits(sorted({sha for sha, _, parent in sources if not parent})))
    merges: dict[tuple[str, str], list[str]] = {}
    for sha, path, parent in sources:
        if parent:
            merges.setdefault((sha, parent), []).append(path)
    for (sha, parent), paths in sorted(merges.items()):
        owed.update(reader.holding([sha], parent, paths))
    return sorted((sha, ancestor) for sha, ancestor in owed.items() if sha not in inside)


def document_units(texts: Iterable[bytes | None]) -> set[str]:
    """The units of documents (whole files), as ``writers`` compares them."""
    found: set[str] = set()
    for text in texts:
        found |= units((text or b"").decode("utf-8", "replace"))
    return found


def units(text: str) -> set[str]:
    """What is compared of a text: each line, and each paragraph of two lines or more joined,
    without white space (a copy re-wrapped, re-indented or re-spaced is the same text; a draft
    hard-wrapped into short lines is still its paragraphs). Asked of every approval's
    documents, so built by string methods, with no Python step per line; the index holds only
    units long enough to say who wrote them (``_file_units``), so no other is ever found."""
    for space in _SPACES:
        if space in text:
            text = text.replace(space, "")
    found = set(text.split("\n"))
    # a block after a run of blank lines starts with a line end: the same paragraph
    found.update([block.replace("\n", "") for block in text.split("\n\n") if "\n" in block])
    return found


# the white space a copy may change: what a text holds of any other stays as it is, on both
# sides (a verbatim copy keeps it)
_SPACES = (" ", "\t", "\r", "\u3000", "\xa0", "\f", "\v")


def _file_units(text: bytes | None) -> set[str]:
    """The units of a loose file worth indexing: with a letter or digit (a table's rule or a
    row of dashes is in every file). A line that is no UTF-8 (a binary file's run of bytes)
    is left out as a blank line would be: a document cannot hold it (``check``), and the
    paragraphs around it still count."""
    if not text:
        return set()
    lines = text.decode("utf-8", "replace").split("\n")
    readable = "\n".join("" if "\ufffd" in line else line for line in lines)
    return {
        unit
        for unit in units(readable)
        if SHORTEST <= len(unit) <= _LONGEST and any(c.isalnum() for c in unit)
    }
