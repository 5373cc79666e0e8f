import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from pomyslowice.centre.mail_views import mail_for_mine
from pomyslowice.centre.models import MailItem
from pomyslowice.organizations.models import Membership, SupportRecord
from tests.centre.mail.conftest import make_item
from tests.conftest import PERSONAS, make_organization

pytestmark = pytest.mark.django_db

MAIL_STAFF = {"coordinator", "ngo_caretaker"}


def url(name, *args):
    with translation.override("en"):
        return reverse(f"centre:{name}", args=args)


def expected_for_staff_page(persona):
    if persona == "anonymous":
        return 302
    return 200 if persona in MAIL_STAFF else 404


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    "name", ["mail-register", "mail-add", "mail-organizations", "mail-uncollected"]
)
def test_staff_pages_for_every_persona(client_for, item, persona, name):
    response = client_for(persona).get(url(name))
    assert response.status_code == expected_for_staff_page(persona)
    if response.status_code == 302:
        assert "/login/" in response["Location"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_item_detail_for_every_persona(client_for, item, persona):
    expected = 302 if persona == "anonymous" else 404
    if persona in MAIL_STAFF | {"representative"}:
        expected = 200
    response = client_for(persona).get(url("mail-detail", item.pk))
    assert response.status_code == expected
    if expected == 200:
        assert item.sender in response.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_my_mail_page_for_every_persona(client_for, item, other_item, persona):
    expected = 302 if persona == "anonymous" else 404
    if persona in {"representative", "representative_other_org"}:
        expected = 200
    response = client_for(persona).get(url("mail-mine"))
    assert response.status_code == expected
    if persona == "representative":
        page = response.content.decode()
        assert item.sender in page and other_item.sender not in page
    if persona == "representative_other_org":
        page = response.content.decode()
        assert other_item.sender in page and item.sender not in page


@pytest.mark.parametrize("persona", PERSONAS)
def test_pickup_post_for_every_persona(client_for, item, persona):
    response = client_for(persona).post(
        url("mail-pickup", item.pk),
        {
            "picked_up_by_name": "Anna Nowak",
            "picked_up_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        },
    )
    item.refresh_from_db()
    if persona in MAIL_STAFF:
        assert response.status_code == 302
        assert item.status == MailItem.Status.PICKED_UP
    else:
        assert response.status_code in (302, 404)
        if response.status_code == 302:
            assert "/login/" in response["Location"]
        assert item.status == MailItem.Status.WAITING


@pytest.mark.parametrize("persona", PERSONAS)
def test_add_post_for_every_persona(client_for, organization, persona):
    response = client_for(persona).post(
        url("mail-add"),
        {
            "organization": organization.pk,
            "received_on": timezone.localdate().isoformat(),
            "sender": "ZUS Oddział w Chorzowie",
            "kind": MailItem.Kind.OFFICIAL_LETTER,
        },
    )
    created = MailItem.objects.filter(sender="ZUS Oddział w Chorzowie").exists()
    assert created == (persona in MAIL_STAFF)
    assert response.status_code in (302, 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_return_and_remind_posts_for_every_persona(client_for, item, persona):
    client = client_for(persona)
    client.post(url("mail-remind"))
    client.post(url("mail-return", item.pk), {"note": "Odmowa przyjęcia"})
    item.refresh_from_db()
    expected = MailItem.Status.RETURNED if persona in MAIL_STAFF else MailItem.Status.WAITING
    assert item.status == expected


def test_state_changes_are_post_only(client_for, item):
    client = client_for("coordinator")
    assert client.get(url("mail-pickup", item.pk)).status_code == 405
    assert client.get(url("mail-return", item.pk)).status_code == 405
    assert client.get(url("mail-remind")).status_code == 405


def test_representative_cannot_reach_other_organisations_mail_by_id(client_for, other_item):
    client = client_for("representative")
    assert client.get(url("mail-detail", other_item.pk)).status_code == 404
    assert client.get(url("mail-detail", 999999)).status_code == 404
    assert (
        client.post(url("mail-pickup", other_item.pk), {"picked_up_by_name": "X"}).status_code
        == 404
    )


def test_representative_sees_item_without_staff_forms(client_for, item):
    page = client_for("representative").get(url("mail-detail", item.pk)).content.decode()
    assert "Record the pickup" not in page
    assert "Return to sender" not in page


def test_staff_log_an_item_and_representatives_are_told(
    client_for, organization, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("ngo_caretaker").post(
            url("mail-add"),
            {
                "organization": organization.pk,
                "received_on": timezone.localdate().isoformat(),
                "sender": "Sąd Rejonowy Katowice-Wschód",
                "kind": MailItem.Kind.OFFICIAL_LETTER,
                "registered": "on",
                "another": "1",
            },
        )
    assert response.status_code == 302
    assert f"organization={organization.pk}" in response["Location"]
    assert MailItem.objects.get().registered
    assert [m.to for m in mail.outbox] == [[users["representative"].email]]
    form_page = client_for("ngo_caretaker").get(response["Location"]).content.decode()
    assert f'value="{organization.pk}" selected' in form_page


def test_add_form_offers_only_organisations_using_the_address(client_for, organization):
    elsewhere = make_organization("Klub Sportowy Przemsza")
    page = client_for("coordinator").get(url("mail-add")).content.decode()
    assert organization.name in page
    assert elsewhere.name not in page
    response = client_for("coordinator").post(
        url("mail-add"),
        {
            "organization": elsewhere.pk,
            "received_on": timezone.localdate().isoformat(),
            "sender": "Ktoś",
            "kind": MailItem.Kind.LETTER,
        },
    )
    assert response.status_code == 400
    assert not MailItem.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"received_on": "2099-01-01", "sender": "A", "kind": "letter"},
        {"received_on": "not a date", "sender": "A", "kind": "letter"},
        {"sender": "", "kind": "letter"},
        {"sender": "A", "kind": "telegram"},
    ],
)
def test_add_with_bad_input_is_a_form_error(client_for, organization, data):
    data = {"organization": organization.pk, "received_on": timezone.localdate().isoformat()} | data
    response = client_for("coordinator").post(url("mail-add"), data)
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert not MailItem.objects.exists()


def test_pickup_form_errors_are_shown_and_nothing_changes(client_for, item):
    response = client_for("coordinator").post(
        url("mail-pickup", item.pk),
        {"picked_up_by_name": "", "picked_up_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.status == MailItem.Status.WAITING
    response = client_for("coordinator").post(
        url("mail-pickup", item.pk),
        {"picked_up_by_name": "Anna", "picked_up_at": "2099-01-01T10:00"},
    )
    assert response.status_code == 400
    assert "future" in response.content.decode()
    assert not SupportRecord.objects.exists()


def test_pickup_twice_via_the_page(client_for, item, users):
    client = client_for("coordinator")
    data = {
        "picked_up_by_name": "Piotr Reprezentant",
        "picked_up_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "picked_up_by": users["representative"].pk,
    }
    assert client.post(url("mail-pickup", item.pk), data).status_code == 302
    second = client.post(url("mail-pickup", item.pk), data)
    assert second.status_code == 400
    assert SupportRecord.objects.count() == 1
    item.refresh_from_db()
    assert item.picked_up_by == users["representative"]


def test_register_filters_and_overdue_text(client_for, organization, other_organization, settings):
    settings.MAIL_PICKUP_REMINDER_DAYS = 14
    make_item(organization, days_ago=20, sender="Stary list")
    make_item(organization, days_ago=2, sender="Nowy list", status=MailItem.Status.PICKED_UP)
    make_item(other_organization, days_ago=1, sender="Obcy list")
    client = client_for("coordinator")
    page = client.get(url("mail-register")).content.decode()
    assert "overdue: waiting 20 days" in page
    page = client.get(url("mail-register"), {"organizacja": organization.pk}).content.decode()
    assert "Stary list" in page and "Obcy list" not in page
    page = client.get(url("mail-register"), {"stan": "picked-up"}).content.decode()
    assert "Nowy list" in page and "Stary list" not in page
    since = (timezone.localdate() - datetime.timedelta(days=5)).isoformat()
    page = client.get(url("mail-register"), {"od": since}).content.decode()
    assert "Stary list" not in page and "Obcy list" in page
    page = client.get(url("mail-register"), {"od": "garbage", "stan": "nonsense"})
    assert page.status_code == 200


def test_uncollected_list_and_reminders_now(
    client_for, organization, users, settings, django_capture_on_commit_callbacks
):
    settings.MAIL_PICKUP_REMINDER_DAYS = 14
    make_item(organization, days_ago=20, sender="Stary list")
    make_item(organization, days_ago=2, sender="Nowy list")
    client = client_for("ngo_caretaker")
    page = client.get(url("mail-uncollected")).content.decode()
    assert "Stary list" in page and "Nowy list" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("mail-remind"), follow=True)
    assert "A reminder went to 1 organisation." in response.content.decode()
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("mail-remind"), follow=True)
    assert "No reminders sent" in response.content.decode()
    assert len(mail.outbox) == 1


def test_organisations_list_counts_waiting_items(client_for, organization, other_organization):
    make_item(organization, days_ago=1)
    make_item(organization, days_ago=2)
    make_item(organization, days_ago=3, status=MailItem.Status.PICKED_UP)
    page = client_for("coordinator").get(url("mail-organizations")).content.decode()
    assert organization.name in page and other_organization.name in page
    assert "<td>2</td>" in page


def test_mail_for_mine_lists_waiting_first(users, organization, other_organization):
    picked = make_item(organization, days_ago=1, status=MailItem.Status.PICKED_UP)
    waiting = make_item(organization, days_ago=5)
    make_item(other_organization, days_ago=1)
    assert mail_for_mine(users["representative"]) == [waiting, picked]
    assert mail_for_mine(users["resident"]) == []


def test_mine_include_renders(users, organization):
    from django.template.loader import render_to_string

    make_item(organization, days_ago=1, sender="Poczta Polska")
    html = render_to_string(
        "centre/includes/mine_mail.html", {"mail_items": mail_for_mine(users["representative"])}
    )
    assert "Poczta Polska" in html
    assert render_to_string("centre/includes/mine_mail.html", {"mail_items": []}).strip() == ""


# --- query counts ------------------------------------------------------------------------------


def fill(organization, count):
    for i in range(count):
        make_item(organization, days_ago=i % 30, sender=f"Nadawca {i}")


@pytest.mark.parametrize("count", [5, 50])
def test_staff_pages_query_count_is_flat(
    client_for, organization, other_organization, django_assert_max_num_queries, count
):
    fill(organization, count)
    fill(other_organization, count)
    client = client_for("coordinator")
    for name in ("mail-register", "mail-organizations", "mail-uncollected", "mail-add"):
        with django_assert_max_num_queries(12):
            assert client.get(url(name)).status_code == 200
    item = MailItem.objects.filter(organization=organization).first()
    with django_assert_max_num_queries(10):
        assert client.get(url("mail-detail", item.pk)).status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_representative_pages_query_count_is_flat(
    client_for, users, organization, other_organization, django_assert_max_num_queries, count
):
    fill(organization, count)
    fill(other_organization, count)
    Membership.objects.create(
        user=users["representative"],
        organization=other_organization,
        status=Membership.Status.ACTIVE,
    )
    client = client_for("representative")
    with django_assert_max_num_queries(10):
        assert client.get(url("mail-mine")).status_code == 200
    item = MailItem.objects.filter(organization=organization).first()
    with django_assert_max_num_queries(8):
        assert client.get(url("mail-detail", item.pk)).status_code == 200
    with django_assert_max_num_queries(3):
        assert len(mail_for_mine(users["representative"])) > 0


def test_polish_pages_render(client_for, item):
    client = client_for("coordinator")
    for path in ("/osrodek/poczta/", "/osrodek/poczta/dodaj/", f"/osrodek/poczta/{item.pk}/"):
        assert client.get(path).status_code == 200
    assert client_for("representative").get("/osrodek/poczta/moje/").status_code == 200
