"""`manage.py seed_demo`: idempotent demo data for Mysłowice."""

import re
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.utils import timezone
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from pomyslowice.accounts.models import User
from pomyslowice.core.models import AreaOfBenefit, AuditLogEntry, District
from pomyslowice.core.sanitize import clean_html
from pomyslowice.events.models import Event, GrantCall
from pomyslowice.organizations import demo_data
from pomyslowice.organizations.models import Membership, Organization, Person, PersonConsent
from pomyslowice.volunteering import demo_profiles

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "email_addresses": EmailAddress.objects.count(),
        "organizations": Organization.objects.count(),
        "organization_areas": Organization.areas.through.objects.count(),
        "memberships": Membership.objects.count(),
        "people": Person.objects.count(),
        "person_organizations": Person.organizations.through.objects.count(),
        "consents": PersonConsent.objects.count(),
        "areas": AreaOfBenefit.objects.count(),
        "districts": District.objects.count(),
        "events": Event.objects.count(),
        "grant_calls": GrantCall.objects.count(),
    }


def age_on(today, birth_date) -> int:
    return (
        today.year
        - birth_date.year
        - ((today.month, today.day) < (birth_date.month, birth_date.day))
    )


def test_running_twice_creates_no_duplicates():
    seed()
    first = snapshot()

    seed()

    assert snapshot() == first
    # and the operator, the outside lawyer who consults at the centre, and the demo volunteers
    assert first["users"] == len(demo_data.PERSONAS) + 2 + len(demo_profiles.PEOPLE)
    assert AuditLogEntry.objects.filter(verb="core.demo_data.seeded").count() == 2


def test_demo_organisations_cover_every_kind_and_district():
    seed()

    organizations = Organization.objects.all()
    assert organizations.count() >= 30
    assert set(organizations.values_list("kind", flat=True)) == set(Organization.Kind.values)
    used_districts = set(organizations.values_list("district__slug", flat=True))
    assert used_districts == set(District.objects.values_list("slug", flat=True))
    assert Organization.objects.published().count() >= 30
    assert Organization.objects.pending().count() >= 2
    assert Organization.objects.filter(is_public_benefit=True).count() >= 5
    assert Organization.objects.filter(uses_centre_address=True).exists()
    rejected = Organization.objects.get(status=Organization.Status.REJECTED)
    assert rejected.rejection_reason
    assert rejected.published_at is None
    caretaker = User.objects.get(email=demo_data.PERSONAS["ngo_caretaker"]["email"])
    assert Organization.objects.filter(caretaker=caretaker).count() >= 5
    assert not Organization.objects.filter(areas__isnull=True).exists()
    assert Organization.objects.published().filter(published_at__isnull=True).count() == 0


def test_the_centre_itself_is_a_published_public_benefit_association():
    seed()

    centre = Organization.objects.get(slug=demo_data.CENTRE_SLUG)
    assert centre.name == "Stowarzyszenie CIS Mysłowice"
    assert centre.kind == Organization.Kind.ASSOCIATION
    assert centre.status == Organization.Status.PUBLISHED
    assert centre.is_public_benefit
    assert not centre.uses_centre_address
    assert set(centre.areas.values_list("code", flat=True)) >= {"33", "13"}


def test_identifiers_are_valid_but_fictional():
    seed()

    with_ids = Organization.objects.exclude(nip=None)
    assert with_ids.count() >= 20
    for organization in with_ids:
        assert stdnum_nip.is_valid(organization.nip), organization.slug
        assert organization.nip.startswith("000")
    for regon in Organization.objects.exclude(regon="").values_list("regon", flat=True):
        assert stdnum_regon.is_valid(regon), regon
    krs_numbers = list(Organization.objects.exclude(krs=None).values_list("krs", flat=True))
    assert len(krs_numbers) >= 15
    assert all(re.fullmatch(r"09999\d{5}", krs) for krs in krs_numbers)
    public_units = Organization.objects.filter(kind=Organization.Kind.PUBLIC_UNIT)
    assert public_units.count() >= 6
    assert not public_units.exclude(krs=None, nip=None, regon="").exists()


def test_descriptions_are_already_clean_rich_text():
    seed()

    for slug, description in Organization.objects.values_list("slug", "description"):
        assert description.startswith("<p>"), slug
        assert clean_html(description) == description, slug


def test_every_persona_gets_an_account_in_the_right_group():
    seed()

    for persona, spec in demo_data.PERSONAS.items():
        user = User.objects.get(email=spec["email"])
        role = spec.get("role")
        assert list(user.groups.values_list("name", flat=True)) == ([role] if role else []), persona
        assert user.is_staff is (role is not None), persona
        assert not user.is_superuser, persona
        assert user.check_password(demo_data.DEMO_PASSWORD), persona
        assert EmailAddress.objects.filter(
            user=user, email=user.email, verified=True, primary=True
        ).exists(), persona
    operator = User.objects.get(email=demo_data.OPERATOR_EMAIL)
    assert operator.is_superuser and operator.is_staff
    assert EmailAddress.objects.filter(user=operator, verified=True).exists()


def test_minor_volunteer_is_sixteen_and_the_representative_acts_for_an_organisation():
    seed()

    today = timezone.localdate()
    minor = User.objects.get(email=demo_data.PERSONAS["volunteer_minor"]["email"])
    adult = User.objects.get(email=demo_data.PERSONAS["volunteer"]["email"])
    assert age_on(today, minor.birth_date) == 16
    assert age_on(today, adult.birth_date) >= 18
    representative = User.objects.get(email=demo_data.PERSONAS["representative"]["email"])
    membership = Membership.objects.get(user=representative)
    assert membership.status == Membership.Status.ACTIVE
    assert membership.organization.slug == demo_data.REPRESENTED_ORGANIZATION
    assert Membership.objects.filter(status=Membership.Status.PENDING).count() == 1


def test_leaders_are_published_only_with_their_consent():
    seed()

    published = Person.objects.published()
    assert published.count() >= 15
    assert not published.filter(organizations__isnull=True).exists()
    assert set(PersonConsent.objects.values_list("given_via", flat=True)) == {"seed_demo"}
    without_photo = published.exclude(consents__field=PersonConsent.Field.PHOTO)
    without_contact = published.exclude(consents__field=PersonConsent.Field.CONTACT)
    assert without_photo.count() >= 2
    assert without_contact.count() >= 2
    draft = Person.objects.exclude(pk__in=published).get()
    assert draft.consents.count() == 0
    assert draft.added_by.is_staff


def test_a_rerun_restores_demo_passwords_but_leaves_the_operator_alone():
    seed()
    coordinator = User.objects.get(email=demo_data.PERSONAS["coordinator"]["email"])
    coordinator.set_password("changed-in-the-demo")
    coordinator.save()
    operator = User.objects.get(email=demo_data.OPERATOR_EMAIL)
    operator.set_password("operators-own-secret")
    operator.save()

    seed()

    coordinator.refresh_from_db()
    operator.refresh_from_db()
    assert coordinator.check_password(demo_data.DEMO_PASSWORD)
    assert operator.check_password("operators-own-secret")


def test_output_lists_every_login():
    first = seed()
    second = seed()

    for spec in demo_data.PERSONAS.values():
        assert re.search(rf"{re.escape(spec['email'])}\s+demo1234!", first), spec["email"]
    operator_line = next(line for line in first.splitlines() if demo_data.OPERATOR_EMAIL in line)
    new_password = operator_line.split()[-1]
    assert User.objects.get(email=demo_data.OPERATOR_EMAIL).check_password(new_password)
    assert f"organisations: {len(demo_data.ORGANIZATIONS)}" in first
    assert "unchanged" in next(
        line for line in second.splitlines() if demo_data.OPERATOR_EMAIL in line
    )


def test_refuses_to_run_without_reference_data():
    AreaOfBenefit.objects.all().delete()

    with pytest.raises(CommandError, match="migrate"):
        seed()
    assert Organization.objects.count() == 0


def test_the_calendar_has_the_centres_three_trainings_open_for_registration():
    seed()

    trainings = Event.objects.published().filter(
        category=Event.Category.TRAINING, organizer__slug=demo_data.CENTRE_SLUG
    )
    assert trainings.count() == 3
    assert all(t.registration_enabled and t.capacity for t in trainings)
    assert all(t.start > timezone.now() for t in trainings)
    assert Event.objects.pending().exists()  # something for the moderation queue
    assert GrantCall.objects.published().open().exists()
    assert GrantCall.objects.published().closed().exists()
