"""Campaigns, events and news: what a tenant publishes beside its opportunities."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hub.db.models.base import Base, TenantOwned, Timestamps, TranslationColumns
from hub.db.types import BigId


class Campaign(TenantOwned, Timestamps, Base):
    __tablename__ = "campaign"
    __table_args__ = (Index(None, "tenant_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    visibility: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(24))
    # When a PUBLISHED campaign becomes visible (later than now: scheduled); None: at once.
    published_at: Mapped[datetime | None]


class CampaignTranslation(TenantOwned, TranslationColumns, Base):
    __tablename__ = "campaign_translation"
    text_fields = ("title",)

    campaign_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("campaign.id", ondelete="CASCADE"), primary_key=True
    )
    title: Mapped[str] = mapped_column(String(300))


class Event(TenantOwned, Timestamps, Base):
    """Exhibitions, seminars, trainings, campaign and awareness days."""

    __tablename__ = "event"
    __table_args__ = (
        Index(None, "tenant_id", "status", "visibility", "starts_at", "id"),
        Index(None, "status", "visibility", "starts_at", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime | None]
    country: Mapped[str | None] = mapped_column(String(2))
    region: Mapped[str | None] = mapped_column(String(100))
    city: Mapped[str | None] = mapped_column(String(100))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    online_url: Mapped[str | None] = mapped_column(String(500))
    visibility: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(24))
    # When a PUBLISHED event becomes visible (later than now: scheduled); None: at once.
    published_at: Mapped[datetime | None]
    # A cancelled event stays visible, marked cancelled, to those who planned to come.
    cancelled_at: Mapped[datetime | None]


class EventTranslation(TenantOwned, TranslationColumns, Base):
    __tablename__ = "event_translation"
    text_fields = ("title", "description")

    event_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("event.id", ondelete="CASCADE"), primary_key=True
    )
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)


class NewsItem(TenantOwned, Timestamps, Base):
    __tablename__ = "news_item"
    __table_args__ = (
        Index(None, "tenant_id", "status", "visibility", "published_at", "id"),
        Index(None, "status", "visibility", "published_at", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    tags: Mapped[list[str]]
    image_url: Mapped[str | None] = mapped_column(String(500))
    published_at: Mapped[datetime | None]
    visibility: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(24))
    author_name: Mapped[str | None] = mapped_column(String(200))


class NewsItemTranslation(TenantOwned, TranslationColumns, Base):
    __tablename__ = "news_item_translation"
    text_fields = ("title", "summary", "body")

    news_item_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("news_item.id", ondelete="CASCADE"), primary_key=True
    )
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
