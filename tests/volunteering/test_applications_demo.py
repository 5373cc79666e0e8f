"""The profiles' and applications' demo: valid, idempotent, no e-mails to demo people."""

from pomyslowice.organizations import demo as organizations_demo
from pomyslowice.volunteering import demo_applications, demo_offers, demo_profiles
from pomyslowice.volunteering.models import (
    Application,
    Engagement,
    ProfileConsent,
    VolunteerProfile,
)


def seed_all() -> tuple[dict, dict]:
    base = organizations_demo.seed()
    offers = demo_offers.seed(**base)
    profiles = demo_profiles.seed(**base, skills=offers["skills"])
    applications = demo_applications.seed(
        users=base["users"], profiles=profiles["profiles"], offers=offers["offers"]
    )
    return profiles, applications


def test_demo_is_idempotent_and_follows_the_rules(
    db, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        profiles, applications = seed_all()
        again_profiles, again_applications = seed_all()

    assert profiles["counts"]["volunteer profiles"] == len(demo_profiles.PEOPLE) + 2
    assert profiles["counts"]["volunteer profiles created"] == len(demo_profiles.PEOPLE) + 2
    assert again_profiles["counts"]["volunteer profiles created"] == 0
    assert again_applications["counts"] == applications["counts"]
    assert applications["counts"]["applications"] == len(demo_applications.APPLICATIONS)
    assert VolunteerProfile.objects.count() == len(demo_profiles.PEOPLE) + 2
    assert Application.objects.count() == len(demo_applications.APPLICATIONS)
    accepted = Application.objects.filter(status=Application.Status.ACCEPTED)
    assert accepted.count() == 3
    assert Engagement.objects.filter(application__in=accepted).count() == 3
    assert not Application.objects.filter(status=Application.Status.DECLINED, reason="").exists()
    # every profile has its consent to be processed, with the wording shown on the site
    assert (
        ProfileConsent.objects.filter(purpose="profile").count() == VolunteerProfile.objects.count()
    )
    # the representative persona has an application to answer
    representative = applications["applications"]["volunteer:swietlica-na-slupnej"]
    assert representative.status == Application.Status.PENDING
    assert mailoutbox == []
