"""The credentials routes: what any verifier needs, public and cacheable, with no personal data
(docs/credentials.md; the addresses are resolvers/credentials/addresses.py).

- `GET /issuers/{slug}`: the society as an Open Badges issuer `Profile` (JSON-LD).
- `GET /issuers/{slug}/jwks.json`: its public keys, retired ones included (old credentials
  keep verifying); public members only, never a private part.
- `GET /issuers/{slug}/keys/{thumbprint}`: one key, the JWK a credential's `kid` names.
- `GET /issuers/{slug}/status/1`: its revocation list, a BitstringStatusListCredential
  signed as a VC-JWT (`application/jwt`), made from the database when asked. A society
  that has issued nothing (no key yet) has none: 404.
- `GET /trust-list.jwt`: the member societies and their keys and status lists, signed by
  the federation (`application/jwt`; its key is created on first use).

Cached publicly for HUB_PUBLIC_CACHE_SECONDS: a revocation shows within that time. A slug
that is no active tenant, an unknown key: 404. The hub reads keys on its own account (the
owner's session): the request role has no privilege on them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from hub.entry.state import HubState, Startup
from resolvers.credentials import keys as issuer_keys
from resolvers.credentials.addresses import issuer_id
from resolvers.credentials.open_badges import Issuer, name_in
from resolvers.credentials.trust_list import make_trust_list, status_list_token

JWT_TYPE = "application/jwt"
Handler = Callable[[Request, HubState], Awaitable[Response]]


def routes(startup: Startup) -> list[BaseRoute]:
    def served(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            state = startup.state
            if state is None:
                return JSONResponse({"error": "The hub is starting."}, status_code=503)
            response = await handler(request, state)
            if response.status_code == 200:
                response.headers["Cache-Control"] = \
                    f"public, max-age={state.settings.public_cache_seconds}"
                response.headers["Access-Control-Allow-Origin"] = "*"
            return response

        return endpoint

    return [
        Route("/issuers/{slug}", served(_profile), methods=["GET"]),
        Route("/issuers/{slug}/jwks.json", served(_jwks), methods=["GET"]),
        Route("/issuers/{slug}/keys/{thumbprint}", served(_key), methods=["GET"]),
        Route("/issuers/{slug}/status/1", served(_status_list), methods=["GET"]),
        Route("/trust-list.jwt", served(_trust_list), methods=["GET"]),
    ]


def _not_found() -> Response:
    return JSONResponse({"error": "There is no such issuer or key."}, status_code=404)


def _tenant(request: Request, state: HubState) -> Any:
    return state.tenants.find(str(request.path_params["slug"]))


async def _profile(request: Request, state: HubState) -> Response:
    tenant = _tenant(request, state)
    if tenant is None:
        return _not_found()
    issuer = Issuer(issuer_id(state.settings.public_url, tenant.slug),
                    name_in(tenant.names, tenant.default_locale, tenant.default_locale),
                    tenant.country)
    return JSONResponse(issuer.document(), media_type="application/ld+json")


async def _published(state: HubState, tenant: Any) -> list[issuer_keys.PublicKey]:
    async with state.sessions() as session:
        return (await issuer_keys.public_keys(session, [tenant.id])).get(tenant.id, [])


async def _jwks(request: Request, state: HubState) -> Response:
    tenant = _tenant(request, state)
    if tenant is None:
        return _not_found()
    issuer = issuer_id(state.settings.public_url, tenant.slug)
    return JSONResponse(issuer_keys.jwks(issuer, await _published(state, tenant)),
                        media_type="application/jwk-set+json")


async def _key(request: Request, state: HubState) -> Response:
    tenant = _tenant(request, state)
    if tenant is None:
        return _not_found()
    issuer = issuer_id(state.settings.public_url, tenant.slug)
    wanted = str(request.path_params["thumbprint"])
    found = next((k for k in await _published(state, tenant) if k.thumbprint == wanted), None)
    if found is None:
        return _not_found()
    return JSONResponse(found.published(issuer), media_type="application/jwk+json")


async def _status_list(request: Request, state: HubState) -> Response:
    tenant = _tenant(request, state)
    if tenant is None or not await _published(state, tenant):
        return _not_found()
    async with state.sessions() as session, session.begin():
        token = await status_list_token(session, state.settings.public_url, tenant)
    return Response(token, media_type=JWT_TYPE)


async def _trust_list(request: Request, state: HubState) -> Response:
    async with state.sessions() as session, session.begin():
        token = await make_trust_list(session, state.settings.public_url, state.tenants.active)
    return Response(token, media_type=JWT_TYPE)
