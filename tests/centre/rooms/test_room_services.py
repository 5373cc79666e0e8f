import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from pomyslowice.centre import room_services as services
from pomyslowice.centre.models import BookingStatus, ClosedDay, Room, RoomBooking
from pomyslowice.organizations.models import SupportRecord
from tests.centre.conftest import next_weekday
from tests.centre.rooms.conftest import at


@pytest.fixture(autouse=True)
def english():
    """The rules' messages are compared in English, the language they are written in."""
    with translation.override("en"):
        yield


def problem(room, start, end, people=10):
    return services.booking_problem(room=room, start=start, end=end, expected_people=people)


def test_a_good_time_has_no_problem(room, tuesday):
    assert problem(room, at(tuesday, 8), at(tuesday, 20)) is None


@pytest.mark.parametrize(
    "start_hour, end_hour, people, message",
    [
        (7, 9, 10, "open from 08:00 to 20:00"),
        (19, 21, 10, "open from 08:00 to 20:00"),
        (12, 12, 10, "must end after it starts"),
        (12, 11, 10, "must end after it starts"),
        (10, 12, 31, "at most 30 people"),
        (10, 12, 0, "at least 1"),
    ],
)
def test_bad_times_and_headcounts(room, tuesday, start_hour, end_hour, people, message):
    assert message in problem(room, at(tuesday, start_hour), at(tuesday, end_hour), people)


def test_spanning_midnight(room, tuesday):
    start = at(tuesday, 19)
    assert "same day" in problem(room, start, start + datetime.timedelta(hours=6))


def test_past(room):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    assert "passed" in problem(room, at(yesterday, 10), at(yesterday, 12))


def test_too_far_ahead(room, settings):
    day = next_weekday(1, after=timezone.localdate() + datetime.timedelta(days=400))
    assert "days ahead" in problem(room, at(day, 10), at(day, 12))


def test_sunday_is_closed(room):
    sunday = next_weekday(6)
    assert "closed on this weekday" in problem(room, at(sunday, 10), at(sunday, 12))


def test_public_holiday(room):
    # 2026-11-11, Independence Day, a Wednesday
    day = datetime.date(2026, 11, 11)
    now = at(day, 0) - datetime.timedelta(days=10)
    result = services.booking_problem(
        room=room, start=at(day, 10), end=at(day, 12), expected_people=5, now=now
    )
    assert "Narodowe Święto Niepodległości" in result


@pytest.mark.parametrize("whole_centre", [True, False])
def test_closed_day(room, other_room, tuesday, whole_centre):
    ClosedDay.objects.create(date=tuesday, room=None if whole_centre else room, reason="Remont")
    assert "Remont" in problem(room, at(tuesday, 10), at(tuesday, 12))
    other = problem(other_room, at(tuesday, 10), at(tuesday, 12), 5)
    assert (other is not None) == whole_centre


def test_inactive_room(room, tuesday):
    room.is_active = False
    assert "cannot be booked" in problem(room, at(tuesday, 10), at(tuesday, 12))


@pytest.mark.parametrize("day", [datetime.date(2027, 3, 27), datetime.date(2027, 10, 30)])
def test_dst_weekend_saturdays_use_wall_clock_hours(room, day):
    """The Saturdays before the clocks change (28 March / 31 October 2027) are normal days; the
    opening hours are the wall-clock ones, whatever the UTC offset."""
    now = at(day, 0) - datetime.timedelta(days=30)
    ok = services.booking_problem(
        room=room, start=at(day, 8), end=at(day, 20), expected_people=5, now=now
    )
    early = services.booking_problem(
        room=room, start=at(day, 7), end=at(day, 9), expected_people=5, now=now
    )
    assert ok is None and "open from" in early


def test_dst_sunday_change_with_sunday_hours(room):
    from pomyslowice.centre.models import OpeningHours

    OpeningHours.objects.create(
        room=room, weekday=6, opens=datetime.time(1), closes=datetime.time(5)
    )
    day = datetime.date(2028, 3, 26)  # 02:00 becomes 03:00
    now = at(day, 0) - datetime.timedelta(days=30)
    start, end = at(day, 1), at(day, 5)
    assert end.astimezone(datetime.UTC) - start.astimezone(datetime.UTC) == datetime.timedelta(
        hours=3
    )
    assert (
        services.booking_problem(room=room, start=start, end=end, expected_people=5, now=now)
        is None
    )


def test_request_booking_pending_with_emails(booking, users, organization):
    assert booking.status == BookingStatus.PENDING
    assert booking.contact_email == users["representative"].email
    assert booking.contact_name == "Piotr Reprezentant"
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert users["representative"].email in recipients
    assert users["coordinator"].email in recipients
    assert users["ngo_caretaker"].email in recipients
    assert users["analyst"].email not in recipients
    assert not SupportRecord.objects.exists()


def test_overlap_is_a_conflict_touching_is_not(make_booking, booking, tuesday):
    with pytest.raises(services.BookingConflict):
        make_booking(tuesday, 11, 13)
    make_booking(tuesday, 12, 14)  # touches the end
    make_booking(tuesday, 8, 10)  # touches the start
    assert RoomBooking.objects.count() == 3


def test_rejected_or_cancelled_time_is_free_again(make_booking, booking, tuesday, users):
    services.reject_booking(booking=booking, by=users["coordinator"], reason="Remont")
    assert make_booking(tuesday).status == BookingStatus.PENDING


def test_invalid_request_saves_nothing(make_booking, tuesday):
    with pytest.raises(ValidationError):
        make_booking(tuesday, 7, 9)
    with pytest.raises(ValidationError):
        make_booking(tuesday, purpose="")
    assert not RoomBooking.objects.exists()
    assert not mail.outbox


def test_approve_writes_support_and_emails(booking, users, organization, tuesday, mailing):
    mail.outbox.clear()
    with mailing():
        services.approve_booking(booking=booking, by=users["coordinator"])
    booking.refresh_from_db()
    assert booking.status == BookingStatus.APPROVED
    assert booking.decided_by == users["coordinator"]
    record = SupportRecord.objects.get()
    assert record.kind == SupportRecord.Kind.ROOM
    assert record.organization == organization
    assert record.person == users["representative"]
    assert record.date == tuesday
    assert record.source_type == ContentType.objects.get_for_model(RoomBooking)
    assert [m.to for m in mail.outbox] == [[users["representative"].email]]
    with pytest.raises(ValidationError):
        services.approve_booking(booking=booking, by=users["coordinator"])
    with pytest.raises(ValidationError):
        services.reject_booking(booking=booking, by=users["coordinator"], reason="x")


def test_reject_needs_a_reason(booking, users, mailing):
    with pytest.raises(ValidationError):
        services.reject_booking(booking=booking, by=users["coordinator"], reason="  ")
    mail.outbox.clear()
    with mailing():
        services.reject_booking(booking=booking, by=users["coordinator"], reason="Sala w remoncie")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REJECTED
    assert "Sala w remoncie" in mail.outbox[0].body


def test_approve_at_once(make_booking, tuesday, users):
    booking = make_booking(tuesday, approve=True, by=users["coordinator"])
    assert booking.status == BookingStatus.APPROVED
    assert booking.decided_by == users["coordinator"]
    assert SupportRecord.objects.count() == 1


def test_no_support_without_organisation(make_booking, tuesday, users):
    make_booking(tuesday, approve=True, by=users["coordinator"], organization=None)
    assert not SupportRecord.objects.exists()


def test_requester_cancels_and_staff_is_told(booking, users, mailing):
    services.approve_booking(booking=booking, by=users["coordinator"])
    mail.outbox.clear()
    with mailing():
        services.cancel_booking(booking=booking, by=users["representative"], reason="Zmiana planów")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert not SupportRecord.objects.exists()
    recipients = {address for message in mail.outbox for address in message.to}
    assert users["representative"].email in recipients
    assert users["coordinator"].email in recipients


def test_requester_cannot_cancel_late_but_staff_can(make_booking, users, room, settings, mailing):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    while tomorrow.weekday() == 6 or services.public_holiday(tomorrow):
        tomorrow += datetime.timedelta(days=1)
    settings.ROOM_BOOKING_CANCEL_HOURS = 24 * 14
    booking = make_booking(tomorrow, 18, 19)
    with pytest.raises(ValidationError, match="hours before"):
        services.cancel_booking(booking=booking, by=users["representative"])
    with pytest.raises(ValidationError):
        services.cancel_booking(booking=booking, by=users["representative_other_org"])
    mail.outbox.clear()
    with mailing():
        services.cancel_booking(booking=booking, by=users["coordinator"])
    assert [m.to for m in mail.outbox] == [[users["representative"].email]]


def test_past_booking_cannot_be_cancelled(booking, users):
    RoomBooking.objects.filter(pk=booking.pk).update(
        start=timezone.now() - datetime.timedelta(hours=3),
        end=timezone.now() - datetime.timedelta(hours=1),
    )
    with pytest.raises(ValidationError, match="taken place"):
        services.cancel_booking(booking=booking, by=users["coordinator"])


def test_series_skips_conflicts_and_holidays(room, users, organization, make_booking, mailing):
    first = next_weekday(1, after=timezone.localdate() + datetime.timedelta(days=2))
    taken = first + datetime.timedelta(weeks=2)
    make_booking(taken, 17, 18)
    ClosedDay.objects.create(date=first + datetime.timedelta(weeks=4), reason="Inwentaryzacja")
    mail.outbox.clear()
    with mailing():
        series = services.request_series(
            room=room,
            first_date=first,
            starts_at=datetime.time(17),
            ends_at=datetime.time(19),
            occurrences=6,
            purpose="Próby chóru",
            expected_people=12,
            requested_by=users["representative"],
            organization=organization,
        )
    assert series.weekday == 1
    assert series.bookings.count() == 4
    assert [item["date"] for item in series.skipped] == [
        taken.isoformat(),
        (first + datetime.timedelta(weeks=4)).isoformat(),
    ]
    assert "already booked" in series.skipped[0]["reason"]
    assert "Inwentaryzacja" in series.skipped[1]["reason"]
    assert len(mail.outbox) >= 2 and taken.isoformat() in mail.outbox[0].body


def test_series_with_nothing_bookable_saves_nothing(room, users):
    sunday = next_weekday(6)
    with pytest.raises(ValidationError):
        services.request_series(
            room=room,
            first_date=sunday,
            starts_at=datetime.time(10),
            ends_at=datetime.time(12),
            occurrences=3,
            purpose="Niedziela",
            expected_people=5,
            requested_by=users["representative"],
        )
    assert not RoomBooking.objects.exists()
    from pomyslowice.centre.models import BookingSeries

    assert not BookingSeries.objects.exists()


def test_free_rooms(room, other_room, make_booking, tuesday, django_assert_max_num_queries):
    make_booking(tuesday, 10, 12)
    with django_assert_max_num_queries(5):
        free = services.free_rooms(start=at(tuesday, 11), end=at(tuesday, 13), people=5)
    assert free == [other_room]
    assert services.free_rooms(start=at(tuesday, 12), end=at(tuesday, 13), people=20) == [room]
    assert services.free_rooms(start=at(tuesday, 19), end=at(tuesday, 21), people=1) == []


def test_schedules_hide_people(room, make_booking, tuesday, users):
    booking = make_booking(tuesday, 10, 12)
    services.approve_booking(booking=booking, by=users["coordinator"])
    make_booking(tuesday, 14, 15)
    day = services.day_schedule(room=room, day=tuesday)
    assert (day.opens, day.closes) == (datetime.time(8), datetime.time(20))
    assert [(b.start.hour, b.approved) for b in day.busy] == [(10, True), (14, False)]
    assert not hasattr(day.busy[0], "purpose")
    week = services.week_schedule(room=room, week_start=tuesday)
    assert week[0].day.weekday() == 0 and len(week) == 7
    assert week[6].closed_reason and not week[6].is_open


def test_default_opening_hours(db):
    room = Room.objects.create(name="Nowa", slug="nowa", capacity=5)
    services.ensure_default_opening_hours(room=room)
    services.ensure_default_opening_hours(room=room)
    assert room.opening_hours.count() == 6
