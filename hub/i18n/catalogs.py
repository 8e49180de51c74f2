"""The gettext catalogs of the API's fixed strings: loading them and keeping their headers right.

Catalogs live in hub/i18n/locale/<lang>/LC_MESSAGES/messages.po (domain "messages"), with
the compiled messages.mo committed next to each. Run from the repository root:

    pybabel extract -F babel.cfg -o hub/i18n/locale/messages.pot .
    pybabel update -i hub/i18n/locale/messages.pot -d hub/i18n/locale -D messages
    python -m hub.i18n.catalogs
    pybabel compile -d hub/i18n/locale -D messages --statistics

Translate the new and fuzzy entries of each messages.po between `update` and `compile`
(tests/hub/i18n/test_i18n_catalogs.py fails on any untranslated or fuzzy entry, and on a .mo that
does not match its .po). A new language is one more catalog, no code change:

    pybabel init -i hub/i18n/locale/messages.pot -d hub/i18n/locale -D messages -l de
    python -m hub.i18n.catalogs

`python -m hub.i18n.catalogs` checks the Plural-Forms header of every Arabic catalog and
rewrites it where it is not CLDR's rule: Babel before 2.19 writes one with the forms for 11-99
and 100-102 swapped (python-babel issue 816, fixed in 2.19.0). With a Babel that writes the
right header the command changes nothing, and says so.
"""

from __future__ import annotations

import gettext as stdlib_gettext
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Final

import babel
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from babel.support import NullTranslations, Translations

from hub.i18n.chain import FINAL_FALLBACK, base_language, normalize_tag

LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"
DOMAIN: Final = "messages"
PO_WIDTH: Final = 76  # pybabel's default, so our rewrite of a header changes nothing else
# CLDR's six Arabic forms: zero, one, two, few (3-10), many (11-99), other (100-102, ...).
ARABIC_PLURAL_FORMS: Final = (
    "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
    "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
)


def catalog_path(tag: str, *, locale_dir: Path = LOCALE_DIR, suffix: str = ".po") -> Path:
    """hub/i18n/locale/ar_DZ/LC_MESSAGES/messages.po for `ar-DZ` (gettext's spelling)."""
    return locale_dir / tag.replace("-", "_") / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


FIXED_IN_BABEL: Final = (2, 19)  # the first Babel that writes CLDR's Arabic header
_RULE_SAMPLES: Final = range(1000)  # every form of a gettext plural rule shows up below this


def is_cldr_arabic_rule(plural_forms: str) -> bool:
    """True if a Plural-Forms header picks CLDR's Arabic form for every count (whatever its
    spelling: Babel 2.19 writes `n % 100 >= 11 && n % 100 <= 99 ? 4 : 5`, we `n%100>=11 ? 4 :
    5`)."""
    def rule(header: str) -> Callable[[int], int]:
        return stdlib_gettext.c2py(header.split("plural=", 1)[1].strip().rstrip(";"))

    try:
        theirs, ours = rule(plural_forms), rule(ARABIC_PLURAL_FORMS)
    except (IndexError, ValueError, SyntaxError):
        return False
    return all(theirs(n) == ours(n) for n in _RULE_SAMPLES)


def babel_writes_cldr_arabic_header() -> bool:
    """Whether the installed Babel gives a new Arabic catalog CLDR's plural rule."""
    return is_cldr_arabic_rule(Catalog(locale="ar").plural_forms)


def fix_arabic_plural_header(path: Path) -> bool:
    """Give the Arabic catalog at `path` CLDR's Plural-Forms if its header has another rule;
    True if the file changed. A header with the right rule is left as it is."""
    with path.open("rb") as f:
        catalog = read_po(f)
    if is_cldr_arabic_rule(catalog.plural_forms):
        return False
    catalog.mime_headers = [("Plural-Forms", ARABIC_PLURAL_FORMS)]
    with path.open("wb") as f:
        write_po(f, catalog, width=PO_WIDTH)
    return True


def translations_for(tag: str) -> NullTranslations:
    """The catalog of `tag`, falling back to its base language, then to English, then to the
    msgid itself: `ar-DZ` -> ar_DZ (if present) -> ar -> en."""
    return _translations(normalize_tag(tag) or FINAL_FALLBACK)


@lru_cache(maxsize=64)  # bounded: tags are normalised, but a caller may send many
def _translations(tag: str) -> NullTranslations:
    chain: NullTranslations | None = None
    for candidate in dict.fromkeys((tag, base_language(tag), FINAL_FALLBACK)):
        path = catalog_path(candidate, suffix=".mo")
        if not path.is_file():
            continue
        with path.open("rb") as f:
            loaded = Translations(f, domain=DOMAIN)
        if chain is None:
            chain = loaded
        else:
            chain.add_fallback(loaded)
    return chain if chain is not None else NullTranslations()


def gettext(locale: str, msgid: str) -> str:
    return translations_for(locale).gettext(msgid)


def ngettext(locale: str, singular: str, plural: str, n: int) -> str:
    """The form of the locale's plural rule for the integer `n`; for a fractional count use
    `hub.i18n.plurals.plural_operand` to get the integer to pass."""
    return translations_for(locale).ngettext(singular, plural, n)


def pgettext(locale: str, context: str, msgid: str) -> str:
    """`msgid` in `context` (msgctxt); Babel types the result loosely, it is the text."""
    return str(translations_for(locale).pgettext(context, msgid))


def main(argv: list[str] | None = None) -> int:
    """Fix the header of the Arabic catalogs under the given folder (default: ours)."""
    args = sys.argv[1:] if argv is None else argv
    locale_dir = Path(args[0]) if args else LOCALE_DIR
    if babel_writes_cldr_arabic_header():
        print(f"Babel {babel.__version__} writes CLDR's Arabic Plural-Forms: "
              "checking the catalogs only")
    for path in sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        language = base_language(path.parent.parent.name.replace("_", "-"))
        if language == "ar" and fix_arabic_plural_header(path):
            print(f"fixed the Plural-Forms header of {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
