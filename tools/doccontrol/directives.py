"""The directives an author writes in a document's body for doccontrol to fill in.

``<!-- doccontrol:register -->`` (or ``… type=TYPE -->``) becomes the register of current
documents (of that type) on the site and in a PDF copy. They are HTML comments, so a typo
would pass silently as a comment: ``check`` reports every comment meant for doccontrol that
is not one of these (DC218)."""

from __future__ import annotations

import re

REGISTER_DIRECTIVE = re.compile(r"<!--\s*doccontrol:register(?:\s+type=([a-z-]+))?\s*-->")
# every comment that says it is for doccontrol (what check holds to REGISTER_DIRECTIVE)
MEANT_FOR_DOCCONTROL = re.compile(r"<!--\s*doccontrol\s*:.*?-->", re.DOTALL)
