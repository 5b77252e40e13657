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

import codecs
import re
from collections.abc import Callable, Collection, Iterable, Mapping, MutableMapping, Sequence

from doccontrol.history import formats
from doccontrol.history.gitread import Ancestor, Commit, FileChange, GitReader
from doccontrol.load import frontmatter
from doccontrol.paths import DOC_PATH

# where a line first stood at a loose path: the line commit that put it there, the path, and
# that commit's first parent when it is a merge (its side wrote the file), else ""
Source = tuple[str, str, str]

# shorter texts ("- 是", "status: ok") say nothing of who wrote them, and many files have them
SHORTEST = 8
# in a data file (a record), a list item shorter than this is a name (a service, a
# department, a record's id) that a document may name as its own (round 126)
SHORTEST_ITEM = 16
# the text a writer must have given a change, in characters without white space (lines and the
# paragraphs they make both count), to be one of its writers, unless one unit is a sentence:
# it has a sentence's punctuation, or is SENTENCE characters long (a name has neither)
SUBSTANTIAL = 40
SENTENCE = 24
_SENTENCE = re.compile(r"[。，；：！？、.,;:!?]")
_DATA_FILE = re.compile(r"(?i)\.(?:ya?ml|json|toml|csv|tsv|ini|cfg|conf|properties)\Z")
_ITEM_LINE = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")
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
        for line in _file_units(text, change.new_path or ""):
            found.setdefault(line, (commit.sha, change.new_path or "", parent))


def landed_text(data: bytes | None) -> str:
    """What a document shows of its text, as ``writers`` compares it: the values of its front
    matter (a ``change`` or ``withdrawal_reason`` is shown on the site; keys are not text
    anyone wrote) and its body, read as history reads a version."""
    decoded = (data or b"").decode("utf-8", "replace").lstrip("\ufeff").replace("\r\n", "\n")
    split = frontmatter.split_text(decoded)
    if split is None:
        return decoded
    values = [_KEY.sub("", line, count=1) for line in split[0].split("\n")]
    return "\n".join(values) + "\n\n" + split[1]


_KEY = re.compile(r"^\s*(?:-\s*)?[\w.-]+\s*:\s?")  # a front matter line's key, its value kept


def writers(
    reader: GitReader,
    found: Mapping[str, Source],
    landed: Iterable[str],  # landed_text of each document
    elsewhere: Callable[[], set[str]],
    inside: Collection[str] = (),
) -> list[tuple[str, Ancestor]]:
    """The commits that wrote, at a loose path, text a change lands in its documents
    (``landed``: their texts as the change leaves them), other than text a document already
    held (``elsewhere``, asked only when such text lands: every procedure's headings, the
    document's own text as it stood, the baseline) and the change's own commits (``inside``).
    Costs nothing unless text lands that the index holds; then a ``log`` or two per source."""
    brought: set[str] = set()
    for text in landed:
        brought |= units(text)
    hits = brought & found.keys()
    if not hits:
        return []
    hits -= elsewhere()
    if not hits:
        return []
    by_source: dict[Source, set[str]] = {}
    for unit in hits:
        by_source.setdefault(found[unit], set()).add(unit)
    credited: dict[str, set[str]] = {}  # each commit owed and the units it gave
    made: dict[str, Ancestor] = {}
    for sha, ancestor in reader.commits(sorted({c for c, _, parent in by_source if not parent})):
        made[sha] = ancestor
        for (source, _, parent), given in by_source.items():
            if source == sha and not parent:
                credited.setdefault(sha, set()).update(given)
    for (sha, path, parent), given in by_source.items():
        if not parent:
            continue
        # a merge brought the file: every commit that wrote it, wherever in the graph (round
        # 126: its writer already behind the first parent through a merge that took nothing;
        # round 127: blame cannot tell lines apart that git does not split), and each commit of
        # its side whose own loose files hold some of the text (round 128: a colleague
        # converted her Word draft to Markdown there, a new file git sees no rename to; round
        # 129: not a commit of the side that wrote something else)
        for commit, ancestor in reader.path_writers(sha, path):
            made[commit] = ancestor
            credited.setdefault(commit, set()).update(given)
        for commit, changes in reader.side_changes(sha, parent):
            loose = [c for c in changes if c.new_blob and c.regular and c.new_path]
            texts = reader.files_of([c.new_blob or "" for c in loose])
            wrote = set().union(
                *(_file_units(t, c.new_path or "") for c, t in zip(loose, texts, strict=True))
            )
            if wrote & given:
                credited.setdefault(commit, set()).update(wrote & given)
    unmade = sorted(set(credited) - set(made))
    made.update(reader.commits(unmade))
    # a writer is owed for text, not for a name (round 128: a service named in her notes): a
    # sentence of hers, or what she gave adding up to SUBSTANTIAL characters, counted per
    # writer across commits and files (round 129: a draft given a few lines a commit)
    gave: dict[str, set[str]] = {}
    for commit, given in credited.items():
        if commit in made:
            gave.setdefault(made[commit].author_email.lower(), set()).update(given)
    enough = {who for who, given in gave.items() if _substantial(given)}
    owed = [
        (commit, made[commit])
        for commit in sorted(credited)
        if commit in made and made[commit].author_email.lower() in enough and commit not in inside
    ]
    return owed


def _substantial(given: set[str]) -> bool:
    """Whether the units are text, not a name: one is a sentence (its punctuation, or SENTENCE
    characters long), or they add up to SUBSTANTIAL characters."""
    if any(_SENTENCE.search(unit) or len(unit) >= SENTENCE for unit in given):
        return True
    return sum(len(unit) for unit in given) >= SUBSTANTIAL


def held_units(reader: GitReader, before: str, began: str | None, paths: Iterable[str]) -> set[str]:
    """What ``writers`` asks as ``elsewhere``, for history and ``approve`` alike: the units of
    every document ``before`` holds, and of the changed documents ``paths`` in the tree control
    began with (``began``; baseline text a change gives back is nobody's new text)."""
    documents = [p for p in reader.tree_files(before) if DOC_PATH.match(p) and "\n" not in p]
    specs = [f"{before}:{path}" for path in sorted(documents)]
    if began:
        specs += [f"{began}:{path}" for path in paths if "\n" not in path]
    return document_units(reader.files_of(specs))


def document_units(texts: Iterable[bytes | None]) -> set[str]:
    """The units of documents (whole files), as ``writers`` compares them."""
    found: set[str] = set()
    for text in texts:
        found |= units(landed_text(text))
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
    text = _ITEM_MARK.sub("\n", "\n" + text)[1:]
    if "](" in text:
        text = _LINK_TARGET.sub("", text).replace("![", "").replace("[", "")
    if "<" in text:
        text = _TAG.sub("", text)
    for mark in _EMPHASIS:
        if mark in text:
            text = text.replace(mark, "")
    found = set(text.split("\n"))
    # a block after a run of blank lines starts with a line end: the same paragraph
    found.update([block.replace("\n", "") for block in text.split("\n\n") if "\n" in block])
    return found


# the white space a copy may change: what a text holds of any other stays as it is, on both
# sides (a verbatim copy keeps it)
# a list item's mark ("-", "*", "+", "1.", "1)"): how a list is spelt is no text (round 127)
_ITEM_MARK = re.compile(r"\n(?:[-*+]|\d{1,9}[.)])")  # a literal first: a fast scan
# inline mark-up a reader does not see (round 128: a draft's source with **bold** or a link,
# copied as the forge shows it): a link or a picture is its text (its target and brackets go),
# a tag nothing, emphasis and code marks nothing
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
_TAG = re.compile(r"<[^<>\n]*>")
_EMPHASIS = ("*", "_", "`", "~")
_SPACES: tuple[str, ...] = (
    " ",
    "\t",
    "\r",
    "\u3000",
    "\xa0",
    "\f",
    "\v",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x85",
)
_SPACES += ("\u2028", "\u2029")


def _file_units(data: bytes | None, path: str = "") -> set[str]:
    """The units of a loose file worth indexing: with a letter or digit (a table's rule or a
    row of dashes is in every file), and in a data file not a short list item (a name). Read
    as an editor would show it (``file_text``)."""
    if not data:
        return set()
    text = file_text(data)
    names: set[str] = set()
    if _DATA_FILE.search(path):
        lines = text.split("\n")
        items = [_ITEM_LINE.sub("", line, count=1) for line in lines]
        keys = ["".join(i.split()) for i, line in zip(items, lines, strict=True) if i != line]
        names = {key for key in keys if len(key) < SHORTEST_ITEM}
    return {
        unit
        for unit in units(text) - names
        if SHORTEST <= len(unit) <= _LONGEST and any(c.isalnum() for c in unit)
    }


def file_text(data: bytes) -> str:
    """The text a person copying from this file would see, with LF line ends: the paragraphs
    of an office document (Word, OpenDocument, PowerPoint, Excel: a zip of XML) or of an RTF
    file, or the file decoded by its byte order mark, as UTF-8, UTF-16 without a mark, or
    GB18030 (the Chinese Windows default), and for HTML or XML what a browser shows as well
    (rounds 125 and 127: another encoding, a Word file, RTF or a web page hid a draft). A line
    none of them reads (a binary file's run of bytes) is left blank: no document holds it
    (``check`` reads documents as UTF-8), and the paragraphs around it still count."""
    if data.startswith(b"PK\x03\x04"):
        return formats.paragraphs(data)
    if data.lstrip()[:5] == b"{\\rtf":
        data = formats.rtf_text(data).encode("utf-8")
    decoded = _decoded(data)
    if _MARKUP.search(decoded):
        # as written and as a browser shows it: a draft in a web page is read both ways
        decoded += "\n\n" + formats.markup_text(decoded)
    # every line end an editor shows (CR, CRLF, LF, NEL, U+2028 …); units() deletes them
    # inside a line, so a copy that keeps one still matches its paragraph
    lines = decoded.splitlines()
    return "\n".join("" if "\ufffd" in line else line for line in lines)


_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16's: it starts the same
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_MARKUP = re.compile(r"(?i)<(?:p|div|br|li|h[1-6]|span|td|body|html)\b")


def _decoded(data: bytes) -> str:
    for mark, encoding in _MARKS:
        if data.startswith(mark):
            return data[len(mark) :].decode(encoding, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if 0 in data[:4096]:
        # UTF-16 without a mark, else a binary file (its runs of bytes read as no text)
        return _utf16(data) or data.decode("utf-8", "replace")
    return data.decode("gb18030", "replace")


def _utf16(data: bytes) -> str | None:
    """``data`` as UTF-16 without a mark, in the byte order that gives it line ends (Chinese
    text has no NUL byte to tell the order by); None when neither reads as lines of text (a
    binary file holds a line end by chance once in tens of thousands of characters)."""
    best: str | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        ends = text.count("\n")
        if ends * 500 >= len(text) and (best is None or ends > best.count("\n")):
            best = text
    return best
