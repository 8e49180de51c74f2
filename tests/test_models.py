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
