from pomyslowice.centre import demo_caretaking
from pomyslowice.centre.models import (
    CaretakerContact,
    CaretakerTask,
    StrategyPlan,
    StrategyReview,
)
from pomyslowice.organizations.demo import seed as seed_organizations
from pomyslowice.organizations.demo_data import PERSONAS, REPRESENTED_ORGANIZATION
from pomyslowice.organizations.models import Organization, SupportRecord


def test_demo_seed_is_idempotent(db, mailoutbox):
    seed_organizations()
    first = demo_caretaking.seed()
    assert first["caretaker_contacts_created"] == 4
    assert first["caretaker_tasks_created"] == 3
    assert first["strategy_plans_created"] == 1
    counts = (
        CaretakerContact.objects.count(),
        CaretakerTask.objects.count(),
        StrategyReview.objects.count(),
        SupportRecord.objects.filter(kind__in=["caretaker-contact", "strategy"]).count(),
    )
    second = demo_caretaking.seed()
    assert second["caretaker_contacts_created"] == second["strategy_plans_created"] == 0
    assert counts == (
        CaretakerContact.objects.count(),
        CaretakerTask.objects.count(),
        StrategyReview.objects.count(),
        SupportRecord.objects.filter(kind__in=["caretaker-contact", "strategy"]).count(),
    )
    plan = StrategyPlan.objects.get(organization__slug=REPRESENTED_ORGANIZATION)
    assert plan.actions.count() == 3
    assert plan.versions.count() == 1
    assert plan.reviews.filter(held=True).count() == 1
    assert plan.partners.exists()
    caretaker = Organization.objects.get(slug=REPRESENTED_ORGANIZATION).caretaker
    assert caretaker.email == PERSONAS["ngo_caretaker"]["email"]
    assert mailoutbox == []
