"""The credentials domain's loaders (one request's, scoped by the caller's read scope).

Credentials and imported recognition are personal records (`ReadScope.rows`): the
volunteer's own; staff of the tenant that keeps them (for an import, the society it was
presented to: never the issuing society's staff, never anyone else)."""

from __future__ import annotations

from typing import Any

from hub.db import models as m
from resolvers.core.database import RequestDatabase
from resolvers.core.loaders import RowByKeyLoader, RowsByKeyLoader


class CredentialLoaders:
    def __init__(self, db: RequestDatabase, scope_for: Any, volunteer_id: int | None) -> None:
        # Volunteer.credentials: the credentials issued to a volunteer (their downloads).
        self.credentials_by_volunteer = RowsByKeyLoader(
            db, m.Credential.volunteer_id, scope_for(m.Credential))
        # Volunteer.recognizedElsewhere: what they presented to a society, with consent.
        self.recognition_by_volunteer = RowsByKeyLoader(
            db, m.RecognitionImport.volunteer_id, scope_for(m.RecognitionImport))
        self.recognition_by_id = RowByKeyLoader(
            db, m.RecognitionImport.id, scope_for(m.RecognitionImport))
