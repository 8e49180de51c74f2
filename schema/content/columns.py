"""The columns of `news_item` each field of `NewsItem` reads (schema/core/columns.py): a
page of news selects those of its nodes' selected fields and no others."""

from __future__ import annotations

from hub.db import models as m
from schema.core.columns import NodeColumns

NEWS_ITEM_COLUMNS = NodeColumns.of(
    m.NewsItem.__table__,
    # The id (the node's id, its translations), the tenant (its permission classes, its
    # texts' default locale, its display formats).
    always=("id", "tenant_id"),
    fields={
        "__typename": (),
        "id": (),
        "tags": ("tags",),
        "imageUrl": ("image_url",),
        "publishedAt": ("published_at",),
        "visibility": ("visibility",),
        "status": ("status",),
        "tenant": (),
        "title": (),
        "titleI18n": (),
        "summary": (),
        "body": (),
        "translations": (),
        "publishedAtDisplay": ("published_at",),
        "author": ("author_name",),
    },
)
