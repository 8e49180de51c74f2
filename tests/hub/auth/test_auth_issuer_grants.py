"""What an issuer entry may speak for: `tenants`, `federation`, `volunteers`, with errors that
name the entry and the field."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hub.auth import parse_issuers
from hub.errors import ConfigurationError

ENTRY = {"issuer": "https://login.example.dz", "audience": "hub", "jwks_file": "/etc/dz.json"}


def parsed(**fields: Any) -> Any:
    (config,) = parse_issuers(json.dumps([{**ENTRY, **fields}]))
    return config


def test_by_default_an_issuer_speaks_for_its_volunteers_only() -> None:
    config = parsed()
    assert (config.tenants, config.all_tenants, config.federation, config.volunteers) == (
        frozenset(), False, False, True)
    assert not config.speaks_for_tenant("dz-crescent")


def test_tenants_federation_and_volunteers_are_granted_explicitly() -> None:
    config = parsed(tenants=["dz-crescent", "setif-youth", "dz-crescent"], federation=True,
                    volunteers=False)
    assert config.tenants == frozenset({"dz-crescent", "setif-youth"})
    assert config.federation and not config.volunteers
    assert config.speaks_for_tenant("setif-youth") and not config.speaks_for_tenant("eg-crescent")


def test_a_shared_provider_speaks_for_every_tenant_with_a_star() -> None:
    config = parsed(tenants="*")
    assert config.all_tenants and config.speaks_for_tenant("eg-crescent")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"tenants": "dz-crescent"}, "tenants", "list of tenant slugs"),
        ({"tenants": ["DZ Crescent"]}, "tenants", "list of tenant slugs"),
        ({"tenants": [3]}, "tenants", "list of tenant slugs"),
        ({"tenants": ["*"]}, "tenants", "list of tenant slugs"),
        ({"federation": "yes"}, "federation", "true or false"),
        ({"volunteers": 1}, "volunteers", "true or false"),
        ({"volunteers": False}, "tenants", "speak for nobody"),
        ({"volunteers": False, "tenants": []}, "tenants", "speak for nobody"),
    ],
)
def test_errors_name_the_entry_and_the_field(fields: dict[str, Any], field: str,
                                             message: str) -> None:
    value = json.dumps([{**ENTRY, "issuer": "https://other.example"}, {**ENTRY, **fields}])
    with pytest.raises(ConfigurationError, match=message) as info:
        parse_issuers(value)
    assert str(info.value).startswith(f"HUB_OIDC_ISSUERS[1].{field}:")
