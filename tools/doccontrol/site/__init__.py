"""Site: the controlled website's content as Markdown and HTML strings, generator-neutral.

Everything a value from front matter, a record or a commit message puts into a page goes
through ``html.esc``. The MkDocs adapter only places these strings into pages.
"""
