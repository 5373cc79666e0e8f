"""Equipment pages for every persona: what each may see and do, forged ids, query counts."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from pomyslowice.centre import equipment_services as services
from pomyslowice.centre.calendar import local_datetime
from pomyslowice.centre.equipment_views import mine_reservations
from pomyslowice.centre.models import Equipment, EquipmentReservation
from pomyslowice.organizations.models import SupportRecord
from tests.conftest import PERSONAS

Status = EquipmentReservation.Status
LENDERS = {"coordinator", "ngo_caretaker"}
RESERVERS = LENDERS | {"representative", "representative_other_org"}


def at(days: int, hour: int = 9) -> datetime.datetime:
    return local_datetime(timezone.localdate() + datetime.timedelta(days=days), datetime.time(hour))


def field(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def url(name: str, *args) -> str:
    with_language = reverse(f"centre:{name}", args=args)
    return "/en" + with_language if not with_language.startswith("/en/") else with_language


@pytest.fixture
def reservation(users, organization, laptops):
    return services.reserve_equipment(
        equipment=laptops,
        quantity=2,
        start=timezone.now(),
        end=at(1),
        requested_by=users["representative"],
        organization=organization,
    )


def make_reservations(count, *, users, organization, equipment):
    for day in range(count):
        services.reserve_equipment(
            equipment=equipment,
            quantity=1,
            start=at(day + 1),
            end=at(day + 1, 12),
            requested_by=users["representative"],
            organization=organization,
        )


# --- the public list and the availability check ------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_everyone_sees_the_equipment_list(client_for, persona, laptops, projector):
    response = client_for(persona).get(url("equipment-list"))

    assert response.status_code == 200
    assert [item.name for item in response.context["equipment"]] == ["Laptop", "Projektor"]
    assert b"Laptop" in response.content


def test_availability_check_shows_free_units(client, reservation, laptops, projector):
    response = client.get(url("equipment-list"), {"start": field(at(1, 7)), "end": field(at(1, 8))})

    free = {item.slug: item.available for item in response.context["equipment"]}
    assert free == {"laptop": 3, "projektor": 1}
    assert "przedstawiciel" not in response.content.decode()


@pytest.mark.parametrize(
    "query", [{"start": "jutro", "end": "x"}, {"start": field(at(2)), "end": field(at(1))}]
)
def test_bad_availability_check_is_a_form_error(client, laptops, query):
    response = client.get(url("equipment-list"), query)

    assert response.status_code == 400
    assert response.context["form"].errors


def test_inactive_equipment_is_not_listed(client, laptops):
    Equipment.objects.create(name="Stary rzutnik", slug="rzutnik", quantity=1, is_active=False)

    response = client.get(url("equipment-list"))

    assert [item.slug for item in response.context["equipment"]] == ["laptop"]


def test_list_queries_flat_in_data_size(
    client, users, organization, laptops, django_assert_max_num_queries
):
    query = {"start": field(at(1, 8)), "end": field(at(30))}
    with django_assert_max_num_queries(8):
        client.get(url("equipment-list"), query)
    for number in range(15):
        Equipment.objects.create(name=f"Sprzęt {number}", slug=f"sprzet-{number}", quantity=3)
    make_reservations(12, users=users, organization=organization, equipment=laptops)
    with django_assert_max_num_queries(8):
        response = client.get(url("equipment-list"), query)
    assert len(response.context["equipment"]) == 16


# --- reserving ---------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_reservation_form_by_persona(client_for, persona, laptops):
    response = client_for(persona).get(url("equipment-reserve"))

    if persona == "anonymous":
        assert response.status_code == 302 and "/konto/" in response["Location"]
    elif persona in RESERVERS:
        assert response.status_code == 200
        assert "form" in response.context
    else:
        assert response.status_code == 403
        assert b"does not represent any organisation" in response.content


def test_representative_chooses_only_their_organisations(client_for, organization, laptops):
    response = client_for("representative").get(url("equipment-reserve"))

    choices = list(response.context["form"].fields["organization"].queryset)
    assert choices == [organization]
    assert "contact_email" not in response.context["form"].fields


def test_staff_choose_any_organisation_or_none(
    client_for, organization, other_organization, laptops
):
    response = client_for("ngo_caretaker").get(url("equipment-reserve") + "?sprzet=laptop")

    form = response.context["form"]
    assert set(form.fields["organization"].queryset) == {organization, other_organization}
    assert not form.fields["organization"].required
    assert form.initial["equipment"] == laptops


def test_representative_reserves(client_for, organization, laptops, mailoutbox):
    response = client_for("representative").post(
        url("equipment-reserve"),
        {
            "equipment": laptops.pk,
            "quantity": 3,
            "start": field(at(2)),
            "end": field(at(2, 16)),
            "organization": organization.pk,
            "purpose": "Warsztaty",
        },
    )

    reservation = EquipmentReservation.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/rezerwacje/{reservation.pk}/")
    assert (reservation.quantity, reservation.organization) == (3, organization)
    assert reservation.contact_email == "przedstawiciel@example.org"


def test_forged_organisation_is_a_form_error(client_for, other_organization, laptops):
    response = client_for("representative").post(
        url("equipment-reserve"),
        {
            "equipment": laptops.pk,
            "quantity": 1,
            "start": field(at(2)),
            "end": field(at(2, 16)),
            "organization": other_organization.pk,
        },
    )

    assert response.status_code == 400
    assert "organization" in response.context["form"].errors
    assert not EquipmentReservation.objects.exists()


def test_over_quantity_is_a_clear_form_error(client_for, organization, laptops, reservation):
    response = client_for("representative").post(
        url("equipment-reserve"),
        {
            "equipment": laptops.pk,
            "quantity": 4,
            # Within the reservation (now until 9:00 tomorrow) and ahead whatever the hour.
            "start": field(at(1, 7)),
            "end": field(at(1, 8)),
            "organization": organization.pk,
        },
    )

    assert response.status_code == 400
    assert "Only 3 of 5" in str(response.context["form"].errors["quantity"])
    assert EquipmentReservation.objects.count() == 1


@pytest.mark.parametrize(
    ("start", "end"),
    [(at(-3), at(-2)), (at(2, 12), at(2, 10)), (at(2), at(2)), (at(2), at(20))],
)
def test_bad_periods_are_form_errors(client_for, organization, laptops, start, end):
    response = client_for("representative").post(
        url("equipment-reserve"),
        {
            "equipment": laptops.pk,
            "quantity": 1,
            "start": field(start),
            "end": field(end),
            "organization": organization.pk,
        },
    )

    assert response.status_code == 400
    assert response.context["form"].errors
    assert not EquipmentReservation.objects.exists()


# --- my reservations and the detail page -------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_my_reservations_by_persona(client_for, persona, reservation):
    response = client_for(persona).get(url("equipment-mine"))

    if persona == "anonymous":
        assert response.status_code == 302
        return
    assert response.status_code == 200
    listed = response.context["current"] + response.context["past"]
    assert listed == ([reservation] if persona == "representative" else [])


def test_colleague_sees_the_organisations_reservation(reservation, organization, users):
    from pomyslowice.organizations.models import Membership
    from tests.conftest import create_user

    colleague = create_user("kolega@example.org")
    Membership.objects.create(
        user=colleague, organization=organization, status=Membership.Status.ACTIVE
    )

    assert list(mine_reservations(colleague)) == [reservation]
    assert list(mine_reservations(users["representative_other_org"])) == []


@pytest.mark.parametrize("persona", PERSONAS)
def test_reservation_detail_by_persona(client_for, persona, reservation):
    response = client_for(persona).get(url("equipment-reservation-detail", reservation.pk))

    if persona == "anonymous":
        assert response.status_code == 302
    elif persona in LENDERS | {"representative"}:
        assert response.status_code == 200
        assert b"przedstawiciel@example.org" in response.content
    else:
        assert response.status_code == 404


def test_forged_id_is_404(client_for, reservation):
    response = client_for("representative").get(
        url("equipment-reservation-detail", reservation.pk + 1000)
    )

    assert response.status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_cancel_by_persona(client_for, persona, reservation):
    client = client_for(persona)
    cancel = url("equipment-reservation-cancel", reservation.pk)

    assert client.get(cancel).status_code in (302, 405)
    response = client.post(cancel)
    reservation.refresh_from_db()

    if persona == "anonymous":
        assert response.status_code == 302 and reservation.status == Status.RESERVED
    elif persona in LENDERS | {"representative"}:
        assert response.status_code == 302 and reservation.status == Status.CANCELLED
    else:
        assert response.status_code == 404 and reservation.status == Status.RESERVED


def test_cancel_of_lent_equipment_is_a_message_not_an_error(client_for, reservation, users):
    services.check_out(reservation=reservation, by=users["coordinator"])

    response = client_for("representative").post(
        url("equipment-reservation-cancel", reservation.pk), follow=True
    )

    assert response.status_code == 200
    reservation.refresh_from_db()
    assert reservation.status == Status.CHECKED_OUT
    assert len(list(response.context["messages"])) == 1


def test_mine_queries_flat_in_data_size(
    client_for, users, organization, laptops, django_assert_max_num_queries
):
    client = client_for("representative")
    make_reservations(2, users=users, organization=organization, equipment=laptops)
    with django_assert_max_num_queries(12):
        client.get(url("equipment-mine"))
    make_reservations(20, users=users, organization=organization, equipment=laptops)
    with django_assert_max_num_queries(12):
        response = client.get(url("equipment-mine"))
    assert len(response.context["current"]) == 22


# --- the staff desk ------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_lending_desk_by_persona(client_for, persona, reservation):
    response = client_for(persona).get(url("equipment-lending"))

    if persona == "anonymous":
        assert response.status_code == 302
    elif persona in LENDERS:
        assert response.status_code == 200
        assert list(response.context["pickups"]) == [reservation]
    else:
        assert response.status_code == 403


def test_desk_lists_overdue_and_due_today(client_for, users, organization, laptops, projector):
    staff = users["coordinator"]

    def lent(equipment, end):
        reservation = services.reserve_equipment(
            equipment=equipment,
            quantity=1,
            start=timezone.now(),
            end=at(1),
            requested_by=staff,
            organization=organization,
        )
        services.check_out(reservation=reservation, by=staff)
        EquipmentReservation.objects.filter(pk=reservation.pk).update(
            start=end - datetime.timedelta(days=1), end=end
        )
        return reservation

    late = lent(laptops, at(-1))
    later = lent(projector, at(3))

    response = client_for("coordinator").get(url("equipment-lending"))

    assert response.context["overdue"] == [late]
    assert response.context["checked_out"] == [later]
    assert b"overdue" in response.content


@pytest.mark.parametrize("persona", PERSONAS)
def test_check_out_and_return_by_persona(client_for, persona, reservation):
    client = client_for(persona)

    response = client.post(url("equipment-reservation-check-out", reservation.pk))
    reservation.refresh_from_db()
    if persona not in LENDERS:
        assert response.status_code == (302 if persona == "anonymous" else 403)
        assert reservation.status == Status.RESERVED
        assert not SupportRecord.objects.exists()
        return
    assert response.status_code == 302
    assert reservation.status == Status.CHECKED_OUT
    assert SupportRecord.objects.filter(kind=SupportRecord.Kind.EQUIPMENT).count() == 1

    response = client.post(
        url("equipment-reservation-return", reservation.pk),
        {"notes": "Wszystko w porządku", "next": "https://evil.example.org/"},
    )
    reservation.refresh_from_db()
    assert response["Location"].endswith("/osrodek/sprzet/wypozyczenia/")
    assert reservation.status == Status.RETURNED
    assert reservation.return_notes == "Wszystko w porządku"


def test_state_changes_are_post_only(client_for, reservation):
    client = client_for("coordinator")

    for name in ["equipment-reservation-check-out", "equipment-reservation-return"]:
        assert client.get(url(name, reservation.pk)).status_code == 405


def test_forged_id_on_desk_actions_is_404(client_for, reservation):
    client = client_for("coordinator")

    for name in ["equipment-reservation-check-out", "equipment-reservation-return"]:
        assert client.post(url(name, reservation.pk + 1000)).status_code == 404


def test_invalid_transition_on_desk_is_a_message(client_for, reservation):
    response = client_for("coordinator").post(
        url("equipment-reservation-return", reservation.pk), follow=True
    )

    assert response.status_code == 200
    assert [message.level_tag for message in response.context["messages"]] == ["error"]


def test_desk_queries_flat_in_data_size(
    client_for, users, organization, laptops, django_assert_max_num_queries
):
    client = client_for("coordinator")
    make_reservations(1, users=users, organization=organization, equipment=laptops)
    with django_assert_max_num_queries(12):
        client.get(url("equipment-lending"))
    for _ in range(4):
        services.reserve_equipment(
            equipment=laptops,
            quantity=1,
            start=timezone.now(),
            end=at(1),
            requested_by=users["coordinator"],
            organization=organization,
        )
    with django_assert_max_num_queries(12):
        response = client.get(url("equipment-lending"))
    assert len(response.context["pickups"]) == 4


def test_mine_page_include_renders(reservation, users):
    from django.template.loader import render_to_string

    html = render_to_string(
        "centre/includes/mine_equipment.html",
        {"equipment_reservations": mine_reservations(users["representative"])},
    )

    assert "Laptop" in html
    assert f"/rezerwacje/{reservation.pk}/" in html


def test_mine_page_lists_overdue_loans_but_not_finished_ones(reservation, users, projector):
    services.check_out(reservation=reservation, by=users["coordinator"])
    EquipmentReservation.objects.filter(pk=reservation.pk).update(start=at(-5), end=at(-4))
    finished = services.reserve_equipment(
        equipment=projector,
        quantity=1,
        start=timezone.now(),
        end=at(1),
        requested_by=users["representative"],
        organization=reservation.organization,
    )
    EquipmentReservation.objects.filter(pk=finished.pk).update(start=at(-3), end=at(-2))

    listed = list(mine_reservations(users["representative"]))

    assert listed == [reservation]
    assert listed[0].is_overdue


def next_clock_change(*, month: int) -> datetime.date:
    """The next last Sunday of `month` (March: clocks go forward, October: back) after
    tomorrow."""
    today = timezone.localdate()
    for year in (today.year, today.year + 1):
        last = datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
        sunday = last - datetime.timedelta(days=(last.weekday() - 6) % 7)
        if sunday > today + datetime.timedelta(days=1):
            return sunday
    raise AssertionError


def test_time_skipped_by_the_spring_clock_change_is_a_form_error(client_for, organization, laptops):
    change = next_clock_change(month=3)
    spring_forward = f"{change.isoformat()}T02:30"  # does not exist: clocks jump 2:00 -> 3:00

    response = client_for("representative").post(
        url("equipment-reserve"),
        {
            "equipment": laptops.pk,
            "quantity": 1,
            "start": spring_forward,
            "end": f"{change.isoformat()}T12:00",
            "organization": organization.pk,
        },
    )

    assert response.status_code == 400
    assert "start" in response.context["form"].errors
    assert not EquipmentReservation.objects.exists()


def test_fourteen_days_across_the_autumn_clock_change_are_wall_clock_days(users, laptops):
    day_before = next_clock_change(month=10) - datetime.timedelta(days=1)
    start = local_datetime(day_before, datetime.time(9))
    two_weeks = local_datetime(day_before + datetime.timedelta(days=14), datetime.time(9))

    def reserve(end):
        return services.reserve_equipment(
            equipment=laptops, quantity=1, start=start, end=end, requested_by=users["coordinator"]
        )

    assert reserve(two_weeks).pk
    with pytest.raises(ValidationError):
        reserve(two_weeks + datetime.timedelta(minutes=1))
