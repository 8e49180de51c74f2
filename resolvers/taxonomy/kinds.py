"""The two shared taxonomies, categories and skills, described once: the write commands, the
queries and the types take a `Taxonomy` instead of repeating themselves per table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hub.db import models as m
from hub.i18n import messages as msg
from resolvers.core.loaders import RowByKeyLoader

if TYPE_CHECKING:
    from resolvers.loaders import Loaders


@dataclass(frozen=True, slots=True)
class Taxonomy:
    name: str  # the API's type name, and the audit events' object type
    model: Any  # m.Category or m.Skill: code, labels, position, active
    by_code: Callable[[Loaders], RowByKeyLoader]  # the request's loader of one row by code
    not_found: str  # the message for a code that names no row

    @property
    def action(self) -> str:
        """The audit events' stem: `set_category`, `retire_skill`, ..."""
        return self.name.lower()


CATEGORIES = Taxonomy("Category", m.Category, lambda loaders: loaders.category_by_code,
                      msg.UNKNOWN_CATEGORY)
SKILLS = Taxonomy("Skill", m.Skill, lambda loaders: loaders.skill_by_code, msg.UNKNOWN_SKILL)
