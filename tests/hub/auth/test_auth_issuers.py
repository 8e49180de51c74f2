"""`HUB_OIDC_ISSUERS`: the trusted issuers, and a message naming the entry and field when wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hub.auth import IssuerConfig, parse_issuers
from hub.errors import ConfigurationError

URL_ENTRY = {
    "issuer": "https://id.example.org/realms/arco",
    "audience": "tatawwu-hub",
    "jwks_url": "https://id.example.org/realms/arco/certs",
}
FILE_ENTRY = {"issuer": "https://login.example.dz", "audience": "hub", "jwks_file": "/etc/dz.json"}


def test_an_empty_value_means_no_issuer() -> None:
    assert parse_issuers("") == ()
    assert parse_issuers("  \n") == ()


def test_both_forms_parse() -> None:
    parsed = parse_issuers(json.dumps([URL_ENTRY, FILE_ENTRY]))
    assert parsed == (
        IssuerConfig(URL_ENTRY["issuer"], "tatawwu-hub", URL_ENTRY["jwks_url"], None),
        IssuerConfig(FILE_ENTRY["issuer"], "hub", None, Path("/etc/dz.json")),
    )
    assert parsed[0].algorithms == ("RS256", "ES256", "EdDSA")
    assert parsed[0].cache_seconds == 600


def test_optional_fields() -> None:
    entry = {**URL_ENTRY, "algorithms": ["ES256"], "cache_seconds": 120}
    (parsed,) = parse_issuers(json.dumps([entry]))
    assert (parsed.algorithms, parsed.cache_seconds) == (("ES256",), 120)


def test_http_to_a_loopback_host_is_allowed() -> None:
    for url in ("http://127.0.0.1:8080/jwks", "http://localhost/jwks", "http://[::1]/jwks"):
        (parsed,) = parse_issuers(json.dumps([{**URL_ENTRY, "jwks_url": url}]))
        assert parsed.jwks_url == url


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[{", "not valid JSON"),
        ('{"issuer": "x"}', "must be a JSON list"),
        ("[1]", r"HUB_OIDC_ISSUERS\[0\] must be a JSON object"),
    ],
)
def test_bad_documents(value: str, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        parse_issuers(value)


def drop(entry: dict[str, Any], field: str) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if k != field}


@pytest.mark.parametrize(
    ("entry", "field", "message"),
    [
        (drop(URL_ENTRY, "audience"), "audience", "non-empty string"),
        ({**URL_ENTRY, "issuer": ""}, "issuer", "non-empty string"),
        ({**URL_ENTRY, "issuer": 5}, "issuer", "non-empty string"),
        ({**URL_ENTRY, "jwks_file": "/k.json"}, "jwks_url", "exactly one"),
        (drop(URL_ENTRY, "jwks_url"), "jwks_url", "exactly one"),
        ({**URL_ENTRY, "jwks_url": "http://id.example.org/certs"}, "jwks_url", "https://"),
        ({**URL_ENTRY, "jwks_url": "file:///etc/passwd"}, "jwks_url", "https://"),
        ({**URL_ENTRY, "jwks_uri": "https://x"}, "jwks_uri", "unknown field"),
        ({**URL_ENTRY, "algorithms": ["HS256"]}, "algorithms", "non-empty list"),
        ({**URL_ENTRY, "algorithms": ["none"]}, "algorithms", "non-empty list"),
        ({**URL_ENTRY, "algorithms": []}, "algorithms", "non-empty list"),
        ({**URL_ENTRY, "cache_seconds": True}, "cache_seconds", "whole number"),
        ({**URL_ENTRY, "cache_seconds": 5}, "cache_seconds", "between"),
        ({**URL_ENTRY, "issuer": "tatawwu-dev"}, "issuer", "reserved"),
    ],
)
def test_a_bad_entry_names_its_index_and_field(
    entry: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(ConfigurationError) as info:
        parse_issuers(json.dumps([FILE_ENTRY, entry]))
    assert str(info.value).startswith(f"HUB_OIDC_ISSUERS[1].{field}: ")
    assert message in str(info.value)


def test_an_issuer_listed_twice_is_refused() -> None:
    with pytest.raises(ConfigurationError, match=r"HUB_OIDC_ISSUERS\[1\]\.issuer: .* twice"):
        parse_issuers(json.dumps([URL_ENTRY, {**FILE_ENTRY, "issuer": URL_ENTRY["issuer"]}]))
