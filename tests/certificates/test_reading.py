"""Who reads a certificate (`node(id:)`): its holder and staff of the issuing tenant, nobody
else; the holder's name each may see; the texts in the caller's language with the
society's digits. On SQLite and PostgreSQL."""

from __future__ import annotations

from hub.ids import encode_id
from tests.applications.world import OTHER_TENANT, TENANT, World
from tests.certificates.flow import NODE, TITLES, certificates, complete, serve, verify, volunteer
from tests.principals import client_key

SAUDI = "sa-crescent"


def certified(world: World, tenant: str, vid: int, hours: float = 3) -> str:
    service = serve(world, tenant, vid, ((2, hours),))
    verify(world, service)
    complete(world, service)
    return encode_id("Certificate", certificates(world, vid)[-1].id)


def test_node_reaches_the_holder_and_the_issuing_staff_only(world: World) -> None:
    holder = volunteer(world, TENANT, first="Houda", last="Saadi")
    stranger = volunteer(world, TENANT)
    certificate = certified(world, TENANT, holder)
    analyst = world.bearer(subject="analyst", tenant=None, roles=[], volunteer_id=None,
                           federation=True)
    readers = {"self": world.volunteer(holder),
               **{role: world.staff(role) for role in ("admin", "coordinator", "editor",
                                                       "viewer")}}
    others = {"anonymous": {}, "other_volunteer": world.volunteer(stranger),
              "other_staff": world.staff("admin", OTHER_TENANT), "federation": analyst,
              "client": {"X-Api-Key": client_key(world.database)}}
    for name, headers in readers.items():
        node = world.ok(NODE, {"id": certificate}, headers)["node"]
        assert node["id"] == certificate, name
        assert node["volunteerName"] == "Houda Saadi", name  # a member of T
    for name, headers in others.items():
        assert world.ok(NODE, {"id": certificate}, headers)["node"] is None, name


def test_staff_of_another_society_than_the_holders_see_the_display_name(world: World) -> None:
    """A volunteer of another society served with T: T's staff read T's certificate, but
    the holder's full name is personal data they may not see."""
    holder = volunteer(world, OTHER_TENANT, first="Karim", last="Mansour")
    certificate = certified(world, TENANT, holder)
    staff = world.ok(NODE, {"id": certificate}, world.staff("coordinator"))["node"]
    assert staff["volunteerName"] == "Karim M."
    own = world.ok(NODE, {"id": certificate}, world.volunteer(holder))["node"]
    assert own["volunteerName"] == "Karim Mansour"
    assert world.ok(NODE, {"id": certificate}, world.staff("admin", OTHER_TENANT))["node"] is None


def test_texts_in_the_callers_language_with_the_societys_digits(world: World) -> None:
    holder = volunteer(world, SAUDI, first="نورة", last="الشهري")
    certificate = certified(world, SAUDI, holder, hours=12)
    arabic = {**world.volunteer(holder), "Accept-Language": "ar"}
    node = world.ok(NODE, {"id": certificate}, arabic)["node"]
    assert node["opportunityTitle"] == TITLES["ar"]
    assert node["volunteerName"] == "نورة الشهري"
    assert node["hoursDisplay"].startswith("١٢ ")  # the Saudi society writes Arabic-Indic
    english = world.ok(NODE, {"id": certificate}, world.volunteer(holder))["node"]
    assert english["opportunityTitle"] == TITLES["en"]
    assert english["hoursDisplay"] == "12 hours"
