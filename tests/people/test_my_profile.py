"""A signed-in user's own leader profile: fields, consent per field, photo, withdrawal, deletion."""

import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations.models import Person, PersonConsent

from .conftest import en, image_bytes, make_person, upload

URL = "/en/ludzie/moj-profil/"


def profile_data(**overrides) -> dict:
    data = {
        "full_name": "Wiktor Wolny",
        "bio": "<p>Sprzątam <em>lasy</em>.</p><script>alert(1)</script>",
        "skills": "ekologia,  logistyka",
        "consents": ["name", "bio", "skills"],
    }
    data.update(overrides)
    return data


@pytest.fixture
def volunteer_client(client_for):
    return client_for("volunteer")


def test_form_offers_one_checkbox_per_field_in_a_fieldset(volunteer_client, users):
    page = volunteer_client.get(URL).content.decode()
    assert "<legend>What may be public:</legend>" in page
    for field in PersonConsent.Field.values:
        assert f'name="consents" value="{field}"' in page
    assert "my e-mail address stays hidden" in page
    assert 'value="Wiktor Wolny"' in page  # suggested from the account


def test_create_profile_with_consents(volunteer_client, users, area, organization):
    data = profile_data(areas=[area.pk], organizations=[organization.pk])
    response = volunteer_client.post(URL, data)
    assert response.status_code == 302
    person = Person.objects.get(user=users["volunteer"])
    assert person.slug == "wiktor-wolny"
    assert person.email == users["volunteer"].email
    assert person.bio == "<p>Sprzątam <em>lasy</em>.</p>"
    assert person.skills == "ekologia, logistyka"
    assert list(person.areas.all()) == [area]
    assert list(person.organizations.all()) == [organization]
    consents = person.consents.all()
    assert {c.field for c in consents} == {"name", "bio", "skills"}
    assert {c.given_via for c in consents} == {"profile form"}
    assert AuditLogEntry.objects.filter(verb="people.consent.given").count() == 3
    assert AuditLogEntry.objects.filter(verb="people.profile.created").count() == 1
    public = volunteer_client.get(en(reverse("people:detail", kwargs={"slug": "wiktor-wolny"})))
    assert "Sprzątam" in public.content.decode()
    assert "alert(1)" not in public.content.decode()


def test_editing_changes_consents_at_once(volunteer_client, users):
    volunteer_client.post(URL, profile_data())
    person = Person.objects.get(user=users["volunteer"])
    response = volunteer_client.post(URL, profile_data(consents=["name", "contact"]))
    assert response.status_code == 302
    active = set(person.consents.filter(withdrawn_at__isnull=True).values_list("field", flat=True))
    assert active == {"name", "contact"}
    assert person.consents.filter(withdrawn_at__isnull=False).count() == 2
    page = volunteer_client.get(person.get_absolute_url()).content.decode()
    assert "Sprzątam" not in page


def test_without_name_consent_nothing_is_public(volunteer_client, users):
    volunteer_client.post(URL, profile_data(consents=["bio", "skills"]))
    person = Person.objects.get(user=users["volunteer"])
    assert volunteer_client.get(person.get_absolute_url()).status_code == 404
    page = volunteer_client.get(URL).content.decode()
    assert "Your profile is not public" in page


def test_renaming_moves_the_address(volunteer_client, users):
    volunteer_client.post(URL, profile_data())
    volunteer_client.post(URL, profile_data(full_name="Wiktor Żółwiowski"))
    person = Person.objects.get(user=users["volunteer"])
    assert person.slug == "wiktor-zolwiowski"
    assert person.search_text.startswith("wiktor zolwiowski")


def test_slugs_stay_unique_and_avoid_fixed_addresses(client_for, users):
    make_person("Wiktor Wolny", consents=())
    client_for("volunteer").post(URL, profile_data())
    assert Person.objects.get(user=users["volunteer"]).slug == "wiktor-wolny-2"
    client_for("resident").post(URL, profile_data(full_name="Dodaj"))
    assert Person.objects.get(user=users["resident"]).slug == "dodaj-2"


def test_empty_name_is_refused(volunteer_client, users):
    response = volunteer_client.post(URL, profile_data(full_name="   "))
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Person.objects.exists()


def test_unknown_consent_is_refused(volunteer_client):
    response = volunteer_client.post(URL, profile_data(consents=["name", "email"]))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Person.objects.exists()


def test_photo_upload_is_reencoded_without_metadata(volunteer_client, users):
    exif = Image.Exif()
    exif[0x010F] = "Aparat z GPS"  # Make
    jpeg = image_bytes("JPEG", exif=exif.tobytes())
    assert b"Aparat z GPS" in jpeg
    data = profile_data(consents=["name", "photo"], photo=upload("ja.jpg", jpeg, "image/jpeg"))
    assert volunteer_client.post(URL, data).status_code == 302
    person = Person.objects.get(user=users["volunteer"])
    assert person.photo.name.startswith("people/")
    assert person.photo.name.endswith(".jpg")
    assert "ja" not in person.photo.name.rsplit("/", 1)[1]
    stored = person.photo.read()
    assert b"Aparat z GPS" not in stored
    assert Image.open(io.BytesIO(stored)).format == "JPEG"
    assert person.photo.url in volunteer_client.get(person.get_absolute_url()).content.decode()


def test_replacing_and_removing_the_photo_deletes_old_files(
    volunteer_client, users, django_capture_on_commit_callbacks
):
    volunteer_client.post(URL, profile_data(photo=upload()))
    first = Person.objects.get(user=users["volunteer"]).photo.name
    with django_capture_on_commit_callbacks(execute=True):
        volunteer_client.post(URL, profile_data(photo=upload("nowe.webp", image_bytes("WEBP"))))
    second = Person.objects.get(user=users["volunteer"]).photo.name
    assert second.endswith(".webp")
    assert not default_storage.exists(first)
    with django_capture_on_commit_callbacks(execute=True):
        volunteer_client.post(URL, profile_data())  # no upload: the photo stays
    assert Person.objects.get(user=users["volunteer"]).photo.name == second
    with django_capture_on_commit_callbacks(execute=True):
        volunteer_client.post(URL, profile_data(**{"photo-clear": "on"}))
    assert Person.objects.get(user=users["volunteer"]).photo.name == ""
    assert not default_storage.exists(second)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.png", b"this is not an image at all", "Upload a valid image"),
        ("photo.gif", image_bytes("GIF"), "The image must be a PNG, JPEG or WebP file, not GIF."),
        ("photo.png", image_bytes("PNG", size=(4001, 10)), "it may be at most 4000 x 4000"),
        ("photo.png", image_bytes("PNG")[:60], "Upload a valid image"),
    ],
)
def test_bad_photo_is_refused_and_nothing_saved(volunteer_client, name, content, message):
    response = volunteer_client.post(URL, profile_data(photo=upload(name, content)))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'aria-invalid="true"' in page
    assert not Person.objects.exists()


def test_large_photo_is_refused_by_size(volunteer_client):
    noisy = Image.effect_noise((700, 700), 100).convert("RGB")
    buffer = io.BytesIO()
    noisy.save(buffer, format="PNG")
    assert buffer.tell() > 1024 * 1024
    response = volunteer_client.post(URL, profile_data(photo=upload("big.png", buffer.getvalue())))
    assert "The file is too large" in response.content.decode()
    assert not Person.objects.exists()


def test_withdraw_button(volunteer_client, users):
    volunteer_client.post(URL, profile_data())
    person = Person.objects.get(user=users["volunteer"])
    page = volunteer_client.get(URL).content.decode()
    withdraw_url = reverse("people:withdraw-consent", kwargs={"field": "skills"})
    assert f'action="{withdraw_url}"' in page
    response = volunteer_client.post(withdraw_url, follow=True)
    assert "Consent withdrawn" in response.content.decode()
    assert not person.consents.filter(field="skills", withdrawn_at__isnull=True).exists()
    assert "ekologia" not in volunteer_client.get(person.get_absolute_url()).content.decode()
    again = volunteer_client.post(withdraw_url, follow=True)
    assert "nothing to withdraw" in again.content.decode()
    assert (
        volunteer_client.post(
            reverse("people:withdraw-consent", kwargs={"field": "email"})
        ).status_code
        == 404
    )


def test_history_lists_every_consent(volunteer_client):
    volunteer_client.post(URL, profile_data(consents=["name"]))
    volunteer_client.post(URL, profile_data(consents=[]))
    volunteer_client.post(URL, profile_data(consents=["name"]))
    page = volunteer_client.get(URL).content.decode()
    assert page.count("<td>profile form</td>") == 2
    assert page.count("<td>active</td>") == 1


def test_delete_own_profile(volunteer_client, users, django_capture_on_commit_callbacks):
    volunteer_client.post(URL, profile_data(photo=upload()))
    person = Person.objects.get(user=users["volunteer"])
    photo = person.photo.name
    delete_url = reverse("people:my-profile-delete")
    assert "Yes, delete my profile" in volunteer_client.get(en(delete_url)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = volunteer_client.post(delete_url)
    assert response.status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not PersonConsent.objects.exists()
    assert not default_storage.exists(photo)
    assert users["volunteer"].__class__.objects.filter(pk=users["volunteer"].pk).exists()
    entries = AuditLogEntry.objects.filter(target_id=str(person.pk))
    assert entries.exists()
    assert not entries.filter(target_repr__contains="Wiktor").exists()
    assert AuditLogEntry.objects.filter(verb="people.profile.deleted").exists()
