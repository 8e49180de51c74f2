"""The languages' data is loaded before the first request, not by it."""

from __future__ import annotations

from starlette.testclient import TestClient

from hub.entry.app import create_app
from hub.i18n import catalogs, cldr
from hub.i18n.locales import supported_locales
from hub.i18n.warmup import warm_up
from tests.conftest import Database


def test_warm_up_loads_every_supported_language_and_the_tags_given() -> None:
    warmed = warm_up(["ar-DZ", "fr-MA", "ar-DZ", "not a tag", "zz-ZZ"])
    assert warmed[:len(supported_locales())] == supported_locales()
    assert warmed[len(supported_locales()):] == ("ar-DZ", "fr-MA")  # once, unknown left out


def test_the_hub_loads_its_tenants_languages_before_serving(backend: Database) -> None:
    catalogs._translations.cache_clear()
    cldr.babel_locale.cache_clear()
    with TestClient(create_app(backend.settings)):
        loaded = {args[0] for args in _cached(cldr.babel_locale)}
        assert set(supported_locales()) | {"ar-DZ", "ar-SA", "ar-EG"} <= loaded
        assert catalogs._translations.cache_info().currsize >= len(supported_locales())


def _cached(function: object) -> list[tuple[str, ...]]:
    """The candidate tags the lru_cache already holds: a call with one is a hit."""
    info_before = function.cache_info()  # type: ignore[attr-defined]
    found = []
    for tag in (*supported_locales(), "ar-DZ", "ar-SA", "ar-EG"):
        function(tag)  # type: ignore[operator]
        info_after = function.cache_info()  # type: ignore[attr-defined]
        if info_after.hits > info_before.hits:
            found.append((tag,))
        info_before = info_after
    return found
