"""The models as the read path uses them: loaders and pages return plain rows of the tables
(resolvers/loaders.py `record_of`), read through the entities' attribute names."""

from __future__ import annotations

from hub.db.models.base import Base


def test_every_mapped_attribute_is_named_like_its_column() -> None:
    mappers = list(Base.registry.mappers)
    assert len(mappers) > 10
    renamed = [(m.class_.__name__, a.key, a.columns[0].key)
               for m in mappers for a in m.column_attrs if a.key != a.columns[0].key]
    assert renamed == []
