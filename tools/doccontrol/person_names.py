"""How a typed name is compared with a listed person's when no listed address says who typed
it (history/identities.py, cli/approve.py).

Git lets anyone type any name, so a name never grants a role. It only holds a writer to the
rules: one who shows under a form of an approver's name is taken as her (rounds 93–95). A
reader takes "刘 静", "刘静（质量部）", "质量部 刘静", "Liú Jìng", "Jing Liu" and
"Liu Jіng" (a Cyrillic і) for the same person as 刘静 or liujing, so the comparison does
too:
- accents and other marks go (NFKD, then NFKC and case folding), as do white space,
  punctuation, symbols, format characters and the Hangul fillers (letters that print as
  nothing);
- Cyrillic and Greek letters that print as Latin ones are read as those;
- each word of the name counts, and each two neighbouring words in either order.
A name that merely begins alike (刘静怡) is another name.
"""

from __future__ import annotations

import itertools
import unicodedata

from doccontrol.validate.ids import same_key

# letters (Lo) that print as nothing
_HANGUL_FILLERS = frozenset("\u115f\u1160\u3164\uffa0")
# lower-case Cyrillic, Greek and Latin letters that print as a Latin letter (after case folding)
_LOOK_ALIKES = str.maketrans(
    {
        **dict.fromkeys("аɑα", "a"),
        **dict.fromkeys("ԁ", "d"),
        **dict.fromkeys("еε", "e"),
        **dict.fromkeys("ɡ", "g"),
        **dict.fromkeys("һ", "h"),
        **dict.fromkeys("іıι", "i"),
        **dict.fromkeys("ј", "j"),
        **dict.fromkeys("κк", "k"),
        **dict.fromkeys("ӏ", "l"),
        **dict.fromkeys("оο", "o"),
        **dict.fromkeys("рρ", "p"),
        **dict.fromkeys("ԛ", "q"),
        **dict.fromkeys("ѕ", "s"),
        **dict.fromkeys("υ", "u"),
        **dict.fromkeys("νѵ", "v"),
        **dict.fromkeys("ԝ", "w"),
        **dict.fromkeys("хχ", "x"),
        **dict.fromkeys("уү", "y"),
        **dict.fromkeys("с", "c"),
    }
)


def _words(name: str) -> list[str]:
    """The name's runs of letters and digits, read as a reader reads them."""
    bare = "".join(
        c for c in unicodedata.normalize("NFKD", name) if unicodedata.category(c)[0] != "M"
    )
    folded = same_key(bare).translate(_LOOK_ALIKES)
    words: list[str] = []
    current: list[str] = []
    for c in folded:
        if unicodedata.category(c)[0] in "LN" and c not in _HANGUL_FILLERS:
            current.append(c)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def name_key(name: str) -> str:
    """A listed person's name (or id) as typed names are compared with it: its letters and
    digits, read as ``_words`` reads them, run together ("Liu Jing" is liujing)."""
    return "".join(_words(name))


def name_keys(name: str) -> frozenset[str]:
    """The keys a typed name may stand for: the whole name's, each word's, and each two
    neighbouring words' in either order ("质量部 刘静" bears 刘静's name, "Jing Liu" bears
    liujing). Never empty keys."""
    words = _words(name)
    keys = {"".join(words), *words}
    for first, second in itertools.pairwise(words):
        keys |= {first + second, second + first}
    return frozenset(keys - {""})
