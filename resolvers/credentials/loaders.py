"""The credentials domain's loaders (one request's, scoped by the caller's read scope).

Credentials and imported recognition are personal records (`ReadScope.rows`): the
volunteer's own; staff of the tenant that keeps them (for an import, the society it was
presented to: never the issuing society's staff, never anyone else)."""

from __future__ import annotations

from functools import cached_property

from hub.db import models as m
from resolvers.core.loaders import LoaderGroup, RowByKeyLoader, RowsByKeyLoader


class CredentialLoaders(LoaderGroup):
    # Volunteer.credentials: the credentials issued to a volunteer (their downloads).
    @cached_property
    def credentials_by_volunteer(self) -> RowsByKeyLoader:
        return RowsByKeyLoader(self.db, m.Credential.volunteer_id, self.scope(m.Credential))

    # Volunteer.recognizedElsewhere: what they presented to a society, with consent.
    @cached_property
    def recognition_by_volunteer(self) -> RowsByKeyLoader:
        return RowsByKeyLoader(self.db, m.RecognitionImport.volunteer_id,
                               self.scope(m.RecognitionImport))

    @cached_property
    def recognition_by_id(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.RecognitionImport.id, self.scope(m.RecognitionImport))
