"""The locale chain: header parsing, normalisation, fallback order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hub.i18n import LocaleChain, direction, normalize_tag, parse_accept_language


def test_q_values_order_the_header() -> None:
    assert parse_accept_language("ar-DZ;q=0.9, fr;q=0.8") == ("ar-DZ", "fr")
    assert parse_accept_language("fr;q=0.5, en, ar;q=0.7") == ("en", "ar", "fr")


@pytest.mark.parametrize(("header", "tags"), [
    ("*", ()), ("", ()), (None, ()), ("xx-YY", ()), (";;;", ()), ("fr;q=abc, en", ("en",)),
    ("ar;q=0", ()), ("ar;q=2", ()), ("de-ch", ("de-CH",)), ("AR_dz", ("ar-DZ",)),
])
def test_malformed_or_unknown_parts_are_dropped(header: str | None, tags: tuple[str, ...]) -> None:
    assert parse_accept_language(header) == tags


@given(st.text(max_size=300))
def test_any_header_parses_without_error(header: str) -> None:
    assert isinstance(parse_accept_language(header), tuple)


def test_chain_adds_base_languages_then_tenant_default_then_english() -> None:
    chain = LocaleChain.from_request(explicit=None, accept_language="ar-DZ;q=0.9, fr;q=0.8")
    assert chain.for_tenant("ar-EG") == ("ar-DZ", "ar", "fr", "ar-EG", "en")
    assert LocaleChain.from_request(explicit=None, accept_language=None).for_tenant("fr") == (
        "fr", "en")
    assert LocaleChain.from_request(explicit="fr", accept_language="ar").requested == ("fr", "ar")


def test_pick_and_fallback() -> None:
    chain = LocaleChain.from_request(explicit=None, accept_language="fr")
    assert chain.pick({"ar": "نص", "fr": "texte"}, "ar") == ("fr", "texte")
    assert chain.pick({"ar": "نص"}, "ar") == ("ar", "نص")
    assert chain.is_fallback("ar", "ar") is True
    assert chain.is_fallback("fr", "ar") is False
    assert chain.pick({}, "ar") is None
    # nothing in the chain: the record's own text rather than nothing
    assert chain.pick({"es": "texto"}, "ar") == ("es", "texto")


def test_babel_alias_table_is_not_used() -> None:
    # Babel's negotiate_locale maps "ar" to "ar_SY"; ours keeps the plain language.
    assert normalize_tag("ar") == "ar"
    assert direction("ar") == "RTL" and direction("fr") == "LTR" and direction("nope") == "LTR"
