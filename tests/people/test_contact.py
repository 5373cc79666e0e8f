"""The contact form: the message reaches the person, whose address stays hidden; floods stop."""

import re
from email.header import decode_header, make_header

import pytest
from django.urls import reverse

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations.people_services import withdraw_consent

from .conftest import PERSON_EMAIL, en, make_person

MESSAGE = "Dzień dobry, czy pomoże Pani przy festynie na Piasku?"


@pytest.fixture
def contact_url(published_person):
    return en(reverse("people:contact", kwargs={"slug": published_person.slug}))


def form_data(**overrides) -> dict:
    data = {
        "sender_name": "Zenon Pytający",
        "sender_email": "zenon@example.org",
        "message": MESSAGE,
        "website": "",
    }
    data.update(overrides)
    return data


def post(client, url, capture, ip="192.0.2.1", **overrides):
    with capture(execute=True):
        return client.post(url, form_data(**overrides), REMOTE_ADDR=ip)


def test_form_page(client, contact_url):
    page = client.get(contact_url).content.decode()
    assert "Write to Anna Łęcka" in page
    assert re.search(r'<div hidden>\s*<label for="id_website">', page)
    assert 'tabindex="-1"' in page
    assert PERSON_EMAIL not in page


def test_message_is_emailed_with_reply_to_the_sender(
    client, settings, published_person, contact_url, mailoutbox, django_capture_on_commit_callbacks
):
    response = post(client, contact_url, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response.url == published_person.get_absolute_url()
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == [PERSON_EMAIL]
    reply_to = email.message()["Reply-To"]
    assert str(make_header(decode_header(reply_to))) == "Zenon Pytający <zenon@example.org>"
    assert MESSAGE in email.body
    assert f"{settings.SITE_URL}/ludzie/zgoda/nowy-link/" in email.body  # to withdraw consent
    assert "Zenon Pytający" in email.subject
    assert "Your message has been sent." in client.get(en(response.url)).content.decode()
    entry = AuditLogEntry.objects.get(verb="people.person.contacted")
    assert entry.target_id == str(published_person.pk)
    assert entry.data == {}
    assert MESSAGE not in str(entry.__dict__)


def test_account_holder_gets_the_message_at_their_account_address(
    client, users, mailoutbox, django_capture_on_commit_callbacks
):
    person = make_person(
        "Piotr Kontaktowy", user=users["representative"], email="stary-adres@example.org"
    )
    url = reverse("people:contact", kwargs={"slug": person.slug})
    post(client, url, django_capture_on_commit_callbacks)
    assert [m.to for m in mailoutbox] == [[users["representative"].email]]
    assert "/ludzie/moj-profil/" in mailoutbox[0].body


def test_sender_never_sees_the_address(client, contact_url, django_capture_on_commit_callbacks):
    response = client.post(contact_url, form_data(), REMOTE_ADDR="192.0.2.1", follow=True)
    assert PERSON_EMAIL not in response.content.decode()


def test_honeypot_sends_nothing(
    client, contact_url, mailoutbox, django_capture_on_commit_callbacks
):
    response = post(
        client, contact_url, django_capture_on_commit_callbacks, website="http://spam.example"
    )
    assert response.status_code == 302
    assert mailoutbox == []
    assert not AuditLogEntry.objects.filter(verb="people.person.contacted").exists()


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"sender_email": "nie-adres"}, "Enter a valid email address."),
        ({"message": ""}, "This field is required."),
        ({"sender_name": "Zenon\r\nBcc: ofiara@example.org"}, "Write this on a single line."),
    ],
)
def test_invalid_input_is_refused(
    client, contact_url, mailoutbox, django_capture_on_commit_callbacks, overrides, error
):
    response = post(client, contact_url, django_capture_on_commit_callbacks, **overrides)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert mailoutbox == []


def test_rate_limit_per_ip(
    client, contact_url, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.CONTACT_RATE_LIMIT = 3
    for number in range(3):
        response = post(
            client,
            contact_url,
            django_capture_on_commit_callbacks,
            sender_email=f"nadawca{number}@example.org",
        )
        assert response.status_code == 302
    response = post(
        client, contact_url, django_capture_on_commit_callbacks, sender_email="inny@example.org"
    )
    assert response.status_code == 429
    assert "too many messages in the last hour" in response.content.decode()
    assert len(mailoutbox) == 3
    other_ip = post(
        client,
        contact_url,
        django_capture_on_commit_callbacks,
        ip="198.51.100.7",
        sender_email="jeszcze-inny@example.org",
    )
    assert other_ip.status_code == 302


def test_rate_limit_per_sender_email(
    client, contact_url, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.CONTACT_RATE_LIMIT = 2
    for ip in ("192.0.2.1", "192.0.2.2"):
        assert (
            post(client, contact_url, django_capture_on_commit_callbacks, ip=ip).status_code == 302
        )
    response = post(
        client,
        contact_url,
        django_capture_on_commit_callbacks,
        ip="192.0.2.3",
        sender_email="ZENON@example.org",
    )
    assert response.status_code == 429
    assert len(mailoutbox) == 2


def test_default_limit_is_five(client, contact_url, django_capture_on_commit_callbacks):
    codes = [
        post(
            client,
            contact_url,
            django_capture_on_commit_callbacks,
            sender_email=f"n{number}@example.org",
        ).status_code
        for number in range(6)
    ]
    assert codes == [302] * 5 + [429]


def test_behind_proxy_the_last_forwarded_address_counts(
    client, contact_url, settings, django_capture_on_commit_callbacks
):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.CONTACT_RATE_LIMIT = 1

    def send(forwarded, email):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                contact_url,
                form_data(sender_email=email),
                REMOTE_ADDR="10.0.0.1",
                HTTP_X_FORWARDED_FOR=forwarded,
            ).status_code

    assert send("203.0.113.5", "a@example.org") == 302
    # A client may prepend anything; the proxy's own entry at the end still identifies it.
    assert send("1.2.3.4, 203.0.113.5", "b@example.org") == 429
    assert send("203.0.113.6", "c@example.org") == 302


def test_withdrawn_contact_consent_closes_the_form(
    client, published_person, contact_url, mailoutbox, django_capture_on_commit_callbacks
):
    withdraw_consent(person=published_person, field="contact", actor=None)
    assert client.get(contact_url).status_code == 404
    assert post(client, contact_url, django_capture_on_commit_callbacks).status_code == 404
    assert mailoutbox == []
    assert "Write to" not in client.get(en(published_person.get_absolute_url())).content.decode()
