"""The models as the read path uses them: loaders and pages return plain rows of the tables
(resolvers/loaders.py `record_of`), read through the entities' attribute names."""

from __future__ import annotations

from sqlalchemy import Row

from hub.db.models.base import Base


def test_every_mapped_attribute_is_named_like_its_column() -> None:
    mappers = list(Base.registry.mappers)
    assert len(mappers) > 10
    renamed = [(m.class_.__name__, a.key, a.columns[0].key, a.columns[0].name)
               for m in mappers for a in m.column_attrs
               if not a.key == a.columns[0].key == a.columns[0].name]
    assert renamed == []


def test_no_column_is_shadowed_by_a_row_attribute() -> None:
    """`row.count` would be the tuple method, not the column: no column may be named so."""
    shadowed = [(m.class_.__name__, a.key) for m in Base.registry.mappers
                for a in m.column_attrs if hasattr(Row, a.key)]
    assert shadowed == []


def test_translation_models_name_their_text_fields() -> None:
    """`text_fields` is the one list of what is translatable: exactly each translation
    model's text columns (beyond the locale, source flag, digest and dates)."""
    from hub.db.models.base import TranslationColumns

    shared = {"locale", "is_source", "updated_at", "source_digest", "tenant_id"}
    models = [c for c in Base.registry._class_registry.values()
              if isinstance(c, type) and issubclass(c, TranslationColumns)]
    assert len(models) == 4
    for model in models:
        columns = [c.key for c in model.__table__.columns
                   if c.key not in shared and not c.foreign_keys]
        assert model.text_fields == tuple(columns), model.__name__
