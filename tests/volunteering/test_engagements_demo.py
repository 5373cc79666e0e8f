"""The engagements' demo: three stages that keep the law's rules, idempotent, no e-mails."""

from pomyslowice.organizations import demo as organizations_demo
from pomyslowice.organizations.models import SupportRecord
from pomyslowice.volunteering import (
    demo_applications,
    demo_engagements,
    demo_hours,
    demo_offers,
    demo_profiles,
)
from pomyslowice.volunteering import engagement_services as services
from pomyslowice.volunteering.models import Agreement, Engagement, HoursEntry


def seed_all() -> dict:
    base = organizations_demo.seed()
    offers = demo_offers.seed(**base)
    profiles = demo_profiles.seed(**base, skills=offers["skills"])
    applications = demo_applications.seed(
        users=base["users"], profiles=profiles["profiles"], offers=offers["offers"]
    )
    engagements = demo_engagements.seed(
        users=base["users"], applications=applications["applications"]
    )
    demo_hours.seed(engagements=engagements["engagements"], users=base["users"])
    return engagements


def test_demo_engagements_are_idempotent_and_lawful(
    db, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = seed_all()
        again = seed_all()

    assert first["counts"]["engagements shaped now"] == len(demo_engagements.PLAN)
    assert again["counts"]["engagements shaped now"] == 0
    assert Agreement.objects.count() == len(demo_engagements.PLAN)
    engagements = first["engagements"]
    active = engagements["volunteer:komputer-dla-seniora-biblioteka"]
    finished = engagements["julia.zajac:pomoc-w-nauce-w-sp5"]
    preparing = engagements["volunteer_minor:kino-sasiedzkie-seanse"]
    assert Engagement.objects.get(pk=active.pk).status == Engagement.Status.ACTIVE
    assert Engagement.objects.get(pk=finished.pk).status == Engagement.Status.FINISHED
    # had they not started, nothing would stand in their way: the demo keeps the rules
    for engagement in (active, finished):
        items = services.checklist(Engagement.objects.get(pk=engagement.pk))
        assert [item.blocker for item in items if item.blocker] == []
    blockers = {item.key for item in services.checklist(preparing) if item.blocker}
    assert {"agreement", "safety", "guardian"} <= blockers  # to show on the checklist
    assert SupportRecord.objects.filter(kind=SupportRecord.Kind.VOLUNTEERING).count() == 2
    assert HoursEntry.objects.filter(engagement=active).exists()
    assert mailoutbox == []
