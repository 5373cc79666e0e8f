from pomyslowice.centre import demo_rooms
from pomyslowice.centre.models import BookingStatus, Room, RoomBooking
from pomyslowice.organizations.demo_data import REPRESENTED_ORGANIZATION
from pomyslowice.organizations.models import SupportRecord
from tests.conftest import make_organization


def test_seed_is_idempotent(db):
    for slug in (REPRESENTED_ORGANIZATION, "aktywna-jesien", "sasiedzi-bonczyk"):
        organization = make_organization(slug)
        organization.slug = slug
        organization.save(update_fields=["slug"])
    first = demo_rooms.seed()
    second = demo_rooms.seed()
    assert first == {"rooms": 3, "room_bookings_created": 3}
    assert second["room_bookings_created"] == 0
    assert Room.objects.count() == 3
    assert all(room.opening_hours.count() == 6 for room in Room.objects.all())
    assert RoomBooking.objects.filter(status=BookingStatus.APPROVED).count() == 2
    assert SupportRecord.objects.filter(kind=SupportRecord.Kind.ROOM).count() == 2
