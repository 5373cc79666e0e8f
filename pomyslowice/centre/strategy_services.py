"""Changes to "small partnerships" strategy plans, written together by an organisation's
representatives and its caretaker.

Decisions worth knowing:
- Optimistic concurrency: every change of the plan's content (its fields or its actions) names
  the version it was based on; if the plan has moved on since, the change is refused with
  `StalePlan` and nothing is saved, so nobody silently overwrites a co-author. Adding or
  removing an action cannot overwrite anyone's words, so it is not checked, but it is a new
  version all the same.
- Each change stores a StrategyPlanVersion with a JSON snapshot of the fields and actions.
- When a representative changes the plan the caretaker is told by e-mail, and when staff change
  it the representatives are.
- Reviews are not part of the content; a held review is a strategy session, support received:
  one SupportRecord (kind STRATEGY), removed again if the review turns out not to be held.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pomyslowice.core.audit import log_action
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.organizations.models import Membership, Organization, SupportRecord
from pomyslowice.organizations.permissions import is_representative

from .models import StrategyAction, StrategyPlan, StrategyPlanVersion, StrategyReview
from .support import record_support, remove_support

TEXT_FIELDS = (
    "strengths",
    "weaknesses",
    "opportunities",
    "threats",
    "goals",
    "partnership_notes",
)
ACTION_FIELDS = ("description", "owner", "deadline", "status")


class StalePlan(ValidationError):
    """The plan changed since the form was opened."""

    def __init__(self, plan: StrategyPlan):
        super().__init__(
            _(
                "Someone else changed the plan while you were editing it, so your changes were "
                "not saved. The current content is shown below; make your changes again."
            ),
            code="stale",
        )
        self.plan = plan


@transaction.atomic
def save_plan(
    *, plan_or_org: StrategyPlan | Organization, by, based_on_version: int, data: dict
) -> StrategyPlan:
    """Save the plan's fields (`TEXT_FIELDS`, `partners`, `next_review` in `data`); a first save
    of an organisation without a plan starts it, with `based_on_version` 0."""
    organization = (
        plan_or_org.organization if isinstance(plan_or_org, StrategyPlan) else plan_or_org
    )
    # The organisation's row serialises the very first save, which has no plan row to lock yet.
    Organization.objects.select_for_update().get(pk=organization.pk)
    plan = StrategyPlan.objects.select_for_update().filter(organization=organization).first()
    current = plan.version if plan else 0
    if based_on_version != current:
        raise StalePlan(plan)
    partners = _checked_partners(organization, data.get("partners") or [])
    if plan is None:
        plan = StrategyPlan(organization=organization, version=0)
    for name in TEXT_FIELDS:
        setattr(plan, name, (data.get(name) or "").strip())
    plan.next_review = data.get("next_review")
    plan.full_clean(exclude=["partners", "version"])
    plan.save()
    plan.partners.set(partners)
    _new_version(plan, by=by, verb="centre.strategy_plan.saved")
    return plan


@transaction.atomic
def add_action(
    *,
    plan: StrategyPlan,
    by,
    description: str,
    owner: str,
    deadline: datetime.date | None = None,
    status: str = StrategyAction.Status.PLANNED,
) -> StrategyAction:
    plan = _locked(plan)
    action = StrategyAction(plan=plan, position=plan.actions.count())
    _apply_action(action, description=description, owner=owner, deadline=deadline, status=status)
    action.save()
    _new_version(plan, by=by, verb="centre.strategy_plan.action_added")
    return action


@transaction.atomic
def update_action(*, action: StrategyAction, by, based_on_version: int, **values) -> StrategyAction:
    plan = _locked(action.plan)
    if based_on_version != plan.version:
        raise StalePlan(plan)
    action = StrategyAction.objects.get(pk=action.pk, plan=plan)
    _apply_action(action, **{name: values.get(name) for name in ACTION_FIELDS})
    action.save()
    _new_version(plan, by=by, verb="centre.strategy_plan.action_changed")
    return action


@transaction.atomic
def remove_action(*, action: StrategyAction, by) -> None:
    plan = _locked(action.plan)
    StrategyAction.objects.filter(pk=action.pk, plan=plan).delete()
    _new_version(plan, by=by, verb="centre.strategy_plan.action_removed")


@transaction.atomic
def record_review(
    *,
    plan: StrategyPlan,
    by,
    date: datetime.date | None,
    held: bool = False,
    summary: str = "",
    review: StrategyReview | None = None,
) -> StrategyReview:
    """Plan a review or record one held; with `review`, change that one."""
    plan = _locked(plan)
    if review is None:
        review = StrategyReview(plan=plan, recorded_by=by)
    else:
        review = StrategyReview.objects.select_for_update().get(pk=review.pk, plan=plan)
    if date is None:
        raise ValidationError({"date": _("Give the date of the review.")})
    if held and date > timezone.localdate():
        raise ValidationError(
            {"date": _("A review in the future cannot have been held yet; check the date.")}
        )
    review.date, review.held, review.summary = date, held, (summary or "").strip()
    review.full_clean(exclude=["recorded_by"])
    review.save()
    if held:
        record_support(
            kind=SupportRecord.Kind.STRATEGY,
            source=review,
            date=date,
            organization=plan.organization,
            summary=_review_summary(review),
            by=by,
        )
    else:
        remove_support(kind=SupportRecord.Kind.STRATEGY, source=review)
    log_action(
        actor=by,
        verb="centre.strategy_review.recorded",
        target=review,
        data={"held": held, "date": date.isoformat()},
    )
    return review


@transaction.atomic
def delete_review(*, review: StrategyReview, by) -> None:
    remove_support(kind=SupportRecord.Kind.STRATEGY, source=review)
    log_action(
        actor=by,
        verb="centre.strategy_review.deleted",
        target=review,
        data={"plan": review.plan_id, "date": review.date.isoformat()},
    )
    review.delete()


def snapshot(plan: StrategyPlan) -> dict:
    """The plan's content as JSON: what a version keeps."""
    return {
        **{name: getattr(plan, name) for name in TEXT_FIELDS},
        "next_review": plan.next_review.isoformat() if plan.next_review else None,
        "partners": [
            {"id": partner.pk, "name": partner.name}
            for partner in plan.partners.order_by("name", "pk")
        ],
        "actions": [
            {
                "description": action.description,
                "owner": action.owner,
                "deadline": action.deadline.isoformat() if action.deadline else None,
                "status": action.status,
            }
            for action in plan.actions.all()
        ],
    }


def _locked(plan: StrategyPlan) -> StrategyPlan:
    return StrategyPlan.objects.select_for_update().select_related("organization").get(pk=plan.pk)


def _new_version(plan: StrategyPlan, *, by, verb: str) -> None:
    plan.version += 1
    plan.updated_by = by
    plan.save(update_fields=["version", "updated_by", "updated_at"])
    StrategyPlanVersion.objects.create(
        plan=plan, number=plan.version, content=snapshot(plan), saved_by=by
    )
    log_action(actor=by, verb=verb, target=plan, data={"version": plan.version})
    _tell_co_authors(plan, by=by)


def _tell_co_authors(plan: StrategyPlan, *, by) -> None:
    organization = plan.organization
    if is_representative(by, organization):
        caretaker = organization.caretaker
        recipients = [caretaker.email] if caretaker and caretaker != by else []
    else:
        recipients = list(
            Membership.objects.filter(organization=organization, status=Membership.Status.ACTIVE)
            .exclude(user=by)
            .values_list("user__email", flat=True)
        )
    send_templated_email(
        template="centre/email/caretaking_strategy_changed",
        to=recipients,
        context={"plan": plan, "organization": organization, "changed_by": by},
    )


def _checked_partners(organization: Organization, partners) -> list[Organization]:
    partners = list(partners)
    if any(partner.pk == organization.pk for partner in partners):
        raise ValidationError({"partners": _("An organisation cannot be its own partner.")})
    published = set(
        Organization.objects.published()
        .filter(pk__in=[partner.pk for partner in partners])
        .values_list("pk", flat=True)
    )
    if any(partner.pk not in published for partner in partners):
        raise ValidationError({"partners": _("Choose partners among published organisations.")})
    return partners


def _apply_action(action: StrategyAction, **values) -> None:
    action.description = (values["description"] or "").strip()
    action.owner = (values["owner"] or "").strip()
    action.deadline = values["deadline"]
    action.status = values["status"] or StrategyAction.Status.PLANNED
    if not action.description:
        raise ValidationError({"description": _("Say what is to be done.")})
    if not action.owner:
        raise ValidationError({"owner": _("Say who is responsible.")})
    action.full_clean(exclude=["plan"])


def _review_summary(review: StrategyReview) -> str:
    return review.summary.splitlines()[0] if review.summary else _("Strategy plan review")
