"""Which paths in the repository are controlled documents.

Every file MkDocs renders as a page is a document, whatever characters its path holds (a
newline included): a page the site shows must never be invisible to history or the checks."""

from __future__ import annotations

import re

# MkDocs' own list (mkdocs.utils.markdown_extensions), matched the way MkDocs matches it
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
DOC_PATH = re.compile(r"^docs/.+\.(?:md|markdown|mdown|mkdn|mkd)\Z", re.DOTALL)
