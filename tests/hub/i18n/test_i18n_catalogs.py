"""The gettext catalogs: complete, compiled, with CLDR's Arabic plural rule, loaded with fallbacks."""

from __future__ import annotations

import gettext as stdlib_gettext
import io
import shutil
from pathlib import Path

import babel
import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.plural import to_gettext

from hub.i18n import gettext, ngettext, pgettext, translations_for
from hub.i18n.catalogs import (
    ARABIC_PLURAL_FORMS,
    FIXED_IN_BABEL,
    LOCALE_DIR,
    babel_writes_cldr_arabic_header,
    catalog_path,
    fix_arabic_plural_header,
    is_cldr_arabic_rule,
    main,
)
from hub.i18n.labels import SPOTS_LEFT
from hub.i18n.locales import locale_info, supported_locales
from tests.paths import ROOT

LANGUAGES = ("ar", "en", "fr")
Key = tuple[str | None, str]


def read(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def keys(catalog: Catalog) -> set[Key]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The messages of the source now, by the documented `pybabel extract` command."""
    out = tmp_path_factory.mktemp("pot") / "messages.pot"
    CommandLineInterface().run([
        "pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "-o", str(out), str(ROOT),
    ])
    return read(out)


def test_extraction_finds_the_marked_strings(extracted: Catalog) -> None:
    # babel.cfg's keywords must be honoured, or the catalogs would silently lose messages.
    assert ("VolunteerGroup", "Vocational trainee") in keys(extracted)
    assert (None, "%(count)s spot left") in keys(extracted)
    assert (None, "This id is not valid.") in keys(extracted)
    assert len(extracted) > 50


def test_template_matches_the_source(extracted: Catalog) -> None:
    assert keys(read(LOCALE_DIR / "messages.pot")) == keys(extracted)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_complete_and_not_fuzzy(language: str, extracted: Catalog) -> None:
    catalog = read(catalog_path(language))
    assert not catalog.fuzzy, "the header is marked fuzzy: pybabel compile would skip it"
    missing = keys(extracted) - keys(catalog)
    assert not missing, f"run pybabel update and translate: {sorted(missing, key=str)}"
    assert not keys(catalog) - keys(extracted), "stale messages: run pybabel update"
    problems = []
    for m in catalog:
        if not m.id:
            continue
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.fuzzy:
            problems.append(f"fuzzy: {m.id!r}")
        if m.pluralizable and len(strings) != catalog.num_plurals:
            problems.append(f"{len(strings)} of {catalog.num_plurals} forms: {m.id!r}")
        if not all(strings):
            problems.append(f"untranslated: {m.id!r}")
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_valid(language: str) -> None:
    # Babel's python-format checker: a translation must not invent or retype placeholders.
    errors = [(m.id, [str(e) for e in errs]) for m, errs in read(catalog_path(language)).check()]
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_matches_its_po(language: str) -> None:
    # Compiled in memory as `pybabel compile` does; git does not keep modification times,
    # so the content is compared, which catches a stale .mo as well.
    buffer = io.BytesIO()
    write_mo(buffer, read(catalog_path(language)), use_fuzzy=False)
    mo = catalog_path(language, suffix=".mo").read_bytes()
    assert buffer.getvalue() == mo, "run: pybabel compile -d hub/i18n/locale -D messages"


def _index(expression: str, n: int) -> int:
    return int(stdlib_gettext.c2py(expression)(n))


def test_our_arabic_rule_is_cldr_s() -> None:
    ours = ARABIC_PLURAL_FORMS.split("plural=", 1)[1].rstrip(";")
    cldr = to_gettext(Locale("ar").plural_form).split("plural=", 1)[1].rstrip(";")
    assert all(_index(ours, n) == _index(cldr, n) for n in range(1000))


def test_arabic_catalog_carries_the_cldr_plural_header() -> None:
    assert read(catalog_path("ar")).plural_forms == ARABIC_PLURAL_FORMS
    plural = translations_for("ar").plural
    assert [plural(n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 101, 102)] == [
        0, 1, 2, 3, 3, 4, 4, 5, 5, 5]


# The header Babel before 2.19 wrote for Arabic (python-babel issue 816: 11-99 and 100-102 swapped).
BABEL_816_HEADER = ("nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
                    "n%100>=3 && n%100<=10 ? 3 : n%100>=0 && n%100<=2 ? 4 : 5);")


def test_which_babel_versions_need_our_plural_fix() -> None:
    """A canary that reports instead of failing when upstream fixes its bug: the installed
    Babel either writes CLDR's Arabic rule, and must then be 2.19 or later (our fix is a
    no-op), or writes another rule, and must then be older (our fix applies). A failure here
    means our knowledge of which versions need the fix (FIXED_IN_BABEL) is wrong."""
    installed = tuple(int(part) for part in babel.__version__.split(".")[:2])
    correct = babel_writes_cldr_arabic_header()
    fixed_in = ".".join(map(str, FIXED_IN_BABEL))
    print(f"Babel {babel.__version__}: writes CLDR's Arabic Plural-Forms: {correct}; "
          f"our header fix is needed before Babel {fixed_in}")
    assert correct == (installed >= FIXED_IN_BABEL), (
        f"Babel {babel.__version__} {'writes' if correct else 'does not write'} CLDR's Arabic "
        "rule: update FIXED_IN_BABEL in hub/i18n/catalogs.py")


def test_the_rule_check_reads_the_formula_not_its_spelling() -> None:
    babel_219 = ("nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && "
                 "n % 100 <= 10 ? 3 : n % 100 >= 11 && n % 100 <= 99 ? 4 : 5);")
    assert is_cldr_arabic_rule(ARABIC_PLURAL_FORMS)
    assert is_cldr_arabic_rule(babel_219)
    assert not is_cldr_arabic_rule(BABEL_816_HEADER)
    assert _index(BABEL_816_HEADER.split("plural=", 1)[1].rstrip(";"), 11) == 5
    assert not is_cldr_arabic_rule("nplurals=2; plural=(n != 1);")
    assert not is_cldr_arabic_rule("not a header")


def _arabic_catalog(folder: Path, plural_forms: str) -> Path:
    path = folder / "ar" / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    catalog = Catalog(locale="ar")
    catalog.add(("%(count)s hour", "%(count)s hours"), string=("a", "b", "c", "d", "e", "f"))
    catalog.mime_headers = [("Plural-Forms", plural_forms)]
    with path.open("wb") as f:
        write_po(f, catalog)
    return path


def test_the_fix_rewrites_a_wrong_header_and_keeps_the_messages(tmp_path: Path) -> None:
    path = _arabic_catalog(tmp_path, BABEL_816_HEADER)
    assert read(path).plural_forms == BABEL_816_HEADER
    assert main([str(tmp_path)]) == 0
    fixed = read(path)
    assert fixed.plural_forms == ARABIC_PLURAL_FORMS
    assert fixed.get("%(count)s hour") is not None  # the messages survive the rewrite
    assert fix_arabic_plural_header(path) is False  # already right: file left alone


def test_the_fix_leaves_a_right_header_in_any_spelling(tmp_path: Path) -> None:
    path = _arabic_catalog(tmp_path, Catalog(locale="ar").plural_forms)
    before = path.read_bytes()
    if babel_writes_cldr_arabic_header():
        assert fix_arabic_plural_header(path) is False
        assert path.read_bytes() == before
    else:  # an older Babel: its own header is the wrong one, and gets fixed
        assert fix_arabic_plural_header(path) is True
        assert read(path).plural_forms == ARABIC_PLURAL_FORMS


@pytest.mark.parametrize(("n", "text"), [
    (0, "لا أماكن متبقية"),
    (1, "مكان واحد متبقٍّ"),
    (2, "مكانان متبقيان"),
    (3, "%(count)s أماكن متبقية"),
    (10, "%(count)s أماكن متبقية"),
    (11, "%(count)s مكانًا متبقيًا"),
    (99, "%(count)s مكانًا متبقيًا"),
    (100, "%(count)s مكان متبقٍّ"),
    (101, "%(count)s مكان متبقٍّ"),
    (102, "%(count)s مكان متبقٍّ"),
])
def test_ngettext_picks_the_arabic_form(n: int, text: str) -> None:
    assert ngettext("ar", SPOTS_LEFT.singular, SPOTS_LEFT.plural, n) == text


def test_translations_fall_back_through_the_base_language_to_english() -> None:
    assert gettext("ar-DZ", "This id is not valid.") == "هذا المعرّف غير صالح."
    assert gettext("fr-CA", "This id is not valid.") == "Cet identifiant n’est pas valide."
    assert gettext("de", "This id is not valid.") == "This id is not valid."
    assert gettext("not a tag", "This is personal data.") == "This is personal data."
    assert gettext("ar", "No such message") == "No such message"
    assert pgettext("ar", "OpportunityStatus", "Closed") == "مغلقة"
    assert translations_for("ar-DZ") is translations_for("ar_dz")  # cached once per tag


def test_supported_locales_are_the_catalogs_present(tmp_path: Path) -> None:
    assert supported_locales() == ("ar", "en", "fr")
    for folder in ("de", "ar_DZ", "zz"):  # zz: not a language Babel knows, so not offered
        (tmp_path / folder / "LC_MESSAGES").mkdir(parents=True)
        shutil.copy(catalog_path("en", suffix=".mo"),
                    tmp_path / folder / "LC_MESSAGES" / "messages.mo")
    (tmp_path / "it" / "LC_MESSAGES").mkdir(parents=True)  # a folder without a catalog
    assert supported_locales(locale_dir=tmp_path) == ("ar-DZ", "de")


def test_locale_info() -> None:
    assert locale_info("ar") == ("ar", "Arabic", "العربية", "RTL")
    assert locale_info("fr") == ("fr", "French", "français", "LTR")
    assert locale_info("ar_dz") == ("ar-DZ", "Arabic (Algeria)", "العربية (الجزائر)", "RTL")
    with pytest.raises(ValueError, match="xx-YY"):
        locale_info("xx-YY")
