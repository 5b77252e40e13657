"""Adapters to site generators; the MkDocs plugin is the one there is.

The site is an extra: the core and the pre-commit hooks install without MkDocs, Material,
jieba or nh3. Importing an adapter without them names the extra to install instead of failing on an
import deep inside MkDocs (this package's __init__ runs before the adapter's own imports).
"""

from __future__ import annotations

from importlib.util import find_spec

SITE_LIBRARIES = ("mkdocs", "material", "jieba", "nh3")


def require_site_extra() -> None:
    missing = [name for name in SITE_LIBRARIES if find_spec(name) is None]
    if not missing:
        return
    message = (
        f"the doccontrol site needs {', '.join(missing)}, from the site extra, which is not "
        "installed: pip install 'doccontrol[site]'"
    )
    if "mkdocs" in missing:
        raise ImportError(message)
    # raised while MkDocs loads its plugins: it reports a ValidationError as one clear line
    from mkdocs.config.base import ValidationError

    raise ValidationError(message)


require_site_extra()
