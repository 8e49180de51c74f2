"""Authentication: bearer tokens (OIDC issuers, development keys) and API keys."""

from hub.auth.api_keys import (
    NewApiKey,
    digest_of,
    matches,
    new_api_key,
    origin_allowed,
    prefix_of,
)
from hub.auth.dev_tokens import (
    DEV_AUDIENCE,
    DEV_ISSUER,
    VALID_ROLES,
    DevKey,
    mint_dev_token,
)
from hub.auth.errors import Unauthenticated
from hub.auth.issuers import IssuerConfig, parse_issuers
from hub.auth.tokens import TokenVerifier, VerifiedToken

__all__ = [
    "DEV_AUDIENCE",
    "DEV_ISSUER",
    "VALID_ROLES",
    "DevKey",
    "IssuerConfig",
    "NewApiKey",
    "TokenVerifier",
    "Unauthenticated",
    "VerifiedToken",
    "digest_of",
    "matches",
    "mint_dev_token",
    "new_api_key",
    "origin_allowed",
    "parse_issuers",
    "prefix_of",
]
