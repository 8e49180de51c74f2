"""Credentials in the API: the Open Badges 3.0 credentials issued to the caller (to download
and present elsewhere), and the recognition a society imported from another one."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import strawberry

from hub.db import models as m
from hub.i18n import hours_display
from resolvers.credentials.open_badges import BADGE, CERTIFICATE
from resolvers.credentials.signing import read_moment
from resolvers.credentials.verification import peek
from schema.core.info import Info
from schema.core.localize import display_locale
from schema.core.policy import INHERITED, policy
from schema.tenants.types import Tenant, tenant_of


@strawberry.enum(description="What a credential recognizes.")
class RecognitionKind(StrEnum):
    CERTIFICATE = CERTIFICATE
    BADGE = BADGE


def _tenant(info: Info, tenant_id: int | None) -> Tenant | None:
    if tenant_id is None or info.context.tenants.get(tenant_id) is None:
        return None  # a deactivated tenant is unreadable on every road
    return tenant_of(info, tenant_id)


@policy(reach=INHERITED,
        open=("credentialId", "kind", "issuer", "name", "issuedAt", "validFrom", "revoked",
              "revokedAt", "token"),
        note="listed only through myCredentials: the holder's own")
@strawberry.type(description="An Open Badges 3.0 credential issued to you: `token` is the "
                             "signed VC-JWT to keep, and present to another society.")
class IssuedCredential:
    row: strawberry.Private[Any]
    payload: strawberry.Private[dict[str, Any]]

    @classmethod
    def of(cls, row: Any) -> IssuedCredential:
        return cls(row=row, payload=peek(row.token))

    @strawberry.field(description="The credential's id (a URL), its `jti`.")
    def credential_id(self) -> str:
        return str(self.row.jti)

    @strawberry.field
    def kind(self) -> RecognitionKind:
        return RecognitionKind(self.row.kind)

    @strawberry.field(description="The society that issued and signed it.")
    def issuer(self, info: Info) -> Tenant | None:
        return _tenant(info, self.row.tenant_id)

    @strawberry.field(description="The achievement's name, in the language it was issued in.")
    def name(self) -> str:
        return str(self.payload.get("name") or "")

    @strawberry.field
    def issued_at(self) -> datetime:
        return self.row.issued_at  # type: ignore[no-any-return]

    @strawberry.field
    def valid_from(self) -> datetime | None:
        return read_moment(self.payload.get("validFrom"))

    @strawberry.field(description="Revoked by its issuer: it no longer verifies.")
    def revoked(self) -> bool:
        return self.row.revoked_at is not None

    @strawberry.field
    def revoked_at(self) -> datetime | None:
        return self.row.revoked_at  # type: ignore[no-any-return]

    @strawberry.field(description="The credential: a VC-JWT (RS256) any society verifies "
                                  "with the issuer's published keys.")
    def token(self) -> str:
        return str(self.row.token)


@policy(reach=INHERITED,
        open=("credentialId", "kind", "issuer", "issuerName", "name", "description",
              "criteria", "badgeCode", "hours", "hoursDisplay", "validFrom", "consentedAt",
              "importedAt"),
        note="listed only through Volunteer.recognizedElsewhere and the volunteer's own "
             "presentCredentials, whose policies decide")
@strawberry.type(description="Recognition another society issued, presented by the "
                             "volunteer to this society with their consent, and verified.")
class ImportedRecognition:
    row: strawberry.Private[m.RecognitionImport]

    def _text(self, info: Info, field: str) -> str | None:
        texts = self.row.achievement.get(field) or {}
        picked = info.context.locales.pick(texts, self.row.achievement.get("language") or "en")
        return picked[1] if picked else None

    @strawberry.field(description="The credential's id (a URL).")
    def credential_id(self) -> str:
        return self.row.credential_jti

    @strawberry.field
    def kind(self) -> RecognitionKind:
        return RecognitionKind(self.row.kind)

    @strawberry.field(description="The member society that issued it.")
    def issuer(self, info: Info) -> Tenant | None:
        return _tenant(info, self.row.issuer_tenant_id)

    @strawberry.field(description="The issuer's name, as the credential gives it.")
    def issuer_name(self) -> str:
        return str(self.row.achievement.get("issuerName") or self.row.issuer)

    @strawberry.field(description="The achievement's name (in the request's language when "
                                  "the issuer's rules name it in it).")
    def name(self, info: Info) -> str:
        return self._text(info, "names") or ""

    @strawberry.field
    def description(self, info: Info) -> str | None:
        return self._text(info, "descriptions")

    @strawberry.field
    def criteria(self, info: Info) -> str | None:
        return self._text(info, "criteria")

    @strawberry.field(description="The issuer's badge code, for a badge.")
    def badge_code(self) -> str | None:
        code = self.row.achievement.get("badgeCode")
        return str(code) if code else None

    @strawberry.field(description="The verified hours the credential states.")
    def hours(self) -> float | None:
        return self.row.hours

    @strawberry.field
    def hours_display(self, info: Info) -> str | None:
        if self.row.hours is None:
            return None
        tenant = info.context.tenants.by_id.get(self.row.tenant_id)
        locale, digits = display_locale(info.context, tenant)
        return hours_display(locale, self.row.hours, digits)

    @strawberry.field
    def valid_from(self) -> datetime:
        return self.row.valid_from

    @strawberry.field(description="When the volunteer consented to this society seeing it.")
    def consented_at(self) -> datetime:
        return self.row.consented_at

    @strawberry.field
    def imported_at(self) -> datetime:
        return self.row.imported_at
