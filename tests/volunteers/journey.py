"""GraphQL documents and helpers the volunteer journey's tests share."""

from __future__ import annotations

from typing import Any

from tests.volunteers.conftest import Hub

TENANT = "dz-crescent"
SECOND_TENANT = "setif-youth"

REGISTER = """
mutation Register($input: RegisterVolunteerInput!) {
  registerVolunteer(input: $input) {
    id displayName fullName email phone birthYear birthDate group city languages locale
    sharesWithNetwork skills { code } memberships { tenant { slug } status }
  }
}
"""
JOIN = """
mutation Join($input: JoinTenantInput!) {
  joinTenant(input: $input) { id memberships { tenant { slug } } }
}
"""
UPDATE = """
mutation Update($input: UpdateMyProfileInput!) {
  updateMyProfile(input: $input) {
    id fullName email phone birthDate group city languages locale skills { code }
  }
}
"""
VIEWER = "{ viewer { kind canRegister volunteer { id fullName email } } }"
SAVE = "mutation($id: ID!) { saveOpportunity(id: $id) { id viewerHasSaved } }"
UNSAVE = "mutation($id: ID!) { unsaveOpportunity(id: $id) { id viewerHasSaved } }"
SAVED = """
{ viewer { volunteer { savedOpportunities(first: 50) { totalCount edges { node { id } } } } } }
"""
EXPORT = "mutation { exportMyData }"
DELETE = "mutation($c: Boolean!) { deleteMyAccount(confirm: $c) }"


def adult(**overrides: Any) -> dict[str, Any]:
    return {
        "tenant": TENANT, "firstName": "Amina", "lastName": "Kaddour",
        "birthDate": "1998-04-12", "acceptTerms": True, "email": "amina@example.org",
        "phone": "+213 555 12 34 56", "group": "UNIVERSITY_STUDENT",
        "languages": ["ar", "fr"], "skills": ["FIRST_AID_CERTIFIED"], "city": "Oran", "locale": "fr",
        **overrides,
    }


def error(body: dict[str, Any]) -> dict[str, Any]:
    """The one error of a refused mutation (its data is null)."""
    assert body.get("data") is None or not any(body["data"].values()), body
    errors = body["errors"]
    assert len(errors) == 1, errors
    found: dict[str, Any] = errors[0]
    return found


def register(hub: Hub, **overrides: Any) -> tuple[str, dict[str, str], dict[str, Any]]:
    """A new person registered: their sub, headers and the answer."""
    sub, headers = hub.person()
    data = hub.client.data(REGISTER, {"input": adult(**overrides)}, headers)
    return sub, headers, data["registerVolunteer"]
