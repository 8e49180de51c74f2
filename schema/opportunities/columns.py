"""The columns of `opportunity` each field of `Opportunity` reads (schema/core/columns.py):
a page of opportunities selects those of its nodes' selected fields and no others."""

from __future__ import annotations

from hub.db import models as m
from schema.core.columns import NodeColumns

PLACE = ("format", "country", "region", "city", "latitude", "longitude")
SPOTS = ("capacity", "filled_spots")

OPPORTUNITY_COLUMNS = NodeColumns.of(
    m.Opportunity.__table__,
    # The id (the node's id, its translations, skills, applications...), the tenant (its
    # permission classes, its texts' default locale, its display formats).
    always=("id", "tenant_id"),
    fields={
        "__typename": (),
        "id": (),
        "inquiries": (),
        "format": ("format",),
        "startsAt": ("starts_at",),
        "endsAt": ("ends_at",),
        "isOngoing": ("is_ongoing",),
        "capacity": ("capacity",),
        "creditedHours": ("credited_hours",),
        "isEmergency": ("is_emergency",),
        "visibility": ("visibility",),
        "status": ("status",),
        "publishedAt": ("published_at",),
        "acceptance": ("acceptance",),
        "minimumAge": ("min_age",),
        "tenant": (),
        "isScheduled": ("status", "published_at"),
        "organization": ("organization_id",),
        "campaign": ("campaign_id",),
        "title": (),
        "titleI18n": (),
        "summary": (),
        "description": (),
        "translations": (),
        "category": ("category_code",),
        "skills": (),
        "place": PLACE,
        "startsAtDisplay": ("starts_at",),
        "spotsLeft": SPOTS,
        "spotsLeftDisplay": SPOTS,
        "formatLabel": ("format",),
        "contact": ("contact_name", "contact_email", "contact_phone"),
        "applicationsCount": (),
        "applications": (),
        "viewerHasSaved": (),
        "viewerApplication": (),
    },
)
