"""`categories` and `skills`: labels in the served language (with a fallback), the order of
drop-downs, retired codes only when asked, and one statement per taxonomy per request."""

from __future__ import annotations

from typing import Any

import pytest

from tests.taxonomy.conftest import Taxonomy
from tests.taxonomy.documents import BOTH, CATEGORIES, COUNTS, SKILLS


def labels(taxonomy: Taxonomy, query: str, language: str, **variables: Any
           ) -> dict[str, str]:
    data = taxonomy.ok(query, variables, {"Accept-Language": language})
    field = "categories" if "categories" in data else "skills"
    return {term["code"]: term["label"] for term in data[field]}


@pytest.mark.parametrize(("language", "first_aid", "blood"), [
    ("ar", "الإسعافات الأولية", "Blood donation"),  # no Arabic label: English
    ("fr", "Premiers secours", "Don de sang"),
    ("en", "First aid", "Blood donation"),
    ("ar-DZ, fr;q=0.5", "الإسعافات الأولية", "Don de sang"),  # the chain's next language
    ("de", "First aid", "Blood donation"),  # a language without labels: English
])
def test_labels_are_served_in_the_callers_language(taxonomy: Taxonomy, language: str,
                                                   first_aid: str, blood: str) -> None:
    served = labels(taxonomy, CATEGORIES, language)
    assert served["first-aid"] == first_aid
    assert served["blood"] == blood


def test_every_label_is_there_for_the_editor(taxonomy: Taxonomy) -> None:
    data = taxonomy.ok(CATEGORIES, {}, {"Accept-Language": "fr"})
    first_aid = next(t for t in data["categories"] if t["code"] == "first-aid")
    assert first_aid["labels"] == [
        {"locale": "ar", "value": "الإسعافات الأولية"},
        {"locale": "en", "value": "First aid"},
        {"locale": "fr", "value": "Premiers secours"},
    ]
    assert first_aid["active"] is True and first_aid["position"] == 1


def test_terms_are_ordered_by_position_then_label(taxonomy: Taxonomy) -> None:
    # test-category and first-aid come first by position; blood and education share one,
    # then go by the label the caller reads.
    en = list(labels(taxonomy, CATEGORIES, "en"))
    assert en == ["test-category", "first-aid", "blood", "education", "training"]
    # "Don de sang" < "Éducation" < "Formation": accents fold for the order
    fr = list(labels(taxonomy, CATEGORIES, "fr"))
    assert fr == ["test-category", "first-aid", "blood", "education", "training"]
    assert list(labels(taxonomy, SKILLS, "en")) == ["cooking", "driving"]
    assert list(labels(taxonomy, SKILLS, "fr")) == ["driving", "cooking"]  # Conduite, Cuisine
    assert list(labels(taxonomy, SKILLS, "ar")) == ["cooking", "driving"]  # الطبخ, القيادة


def test_retired_terms_are_shown_only_when_asked(taxonomy: Taxonomy) -> None:
    assert "old-ways" not in labels(taxonomy, CATEGORIES, "en")
    assert "telegraphy" not in labels(taxonomy, SKILLS, "en")
    every = taxonomy.ok(CATEGORIES, {"all": True}, {})["categories"]
    assert [t["code"] for t in every] == [
        "old-ways", "test-category", "first-aid", "blood", "education", "training"]
    assert [t["active"] for t in every] == [False, True, True, True, True, True]
    assert "telegraphy" in labels(taxonomy, SKILLS, "en", all=True)


def test_both_taxonomies_cost_one_statement_each(taxonomy: Taxonomy) -> None:
    client = taxonomy.client
    assert client.statements(BOTH) <= 2 + client.prelude
    # Asked twice (aliases, with and without retired codes): still one statement each.
    twice = "{ a: categories { code } b: categories(includeRetired: true) { label } " \
            "skills { code label } }"
    assert client.statements(twice) <= 2 + client.prelude


def test_published_opportunities_per_category_in_one_statement(taxonomy: Taxonomy) -> None:
    taxonomy.opportunity_in("education")
    taxonomy.opportunity_in("education")
    taxonomy.opportunity_in("education", status="DRAFT")  # not published: not counted
    taxonomy.opportunity_in("first-aid")
    counts = {t["code"]: t["opportunitiesCount"]
              for t in taxonomy.ok(COUNTS, {}, {})["categories"]}
    assert counts["education"] == 2 and counts["first-aid"] == 1 and counts["blood"] == 0
    client = taxonomy.client
    assert client.statements(COUNTS) <= 2 + client.prelude
