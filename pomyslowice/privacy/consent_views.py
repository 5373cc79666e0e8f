from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .clauses import PURPOSES, controller
from .consents import withdraw_consent
from .models import ConsentRecord
from .permissions import can_view_consents, consents_of

REGISTER_LIMIT = 200


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("I understand what withdrawing this consent changes."),
        error_messages={"required": gettext_lazy("Tick the box to confirm the withdrawal.")},
    )


class RegisterFilterForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"))


def policy(request):
    context = {
        "title": _("Privacy policy"),
        "purposes": PURPOSES.values(),
        "controller": controller(),
    }
    return render(request, "privacy/policy.html", context)


@login_required
def my_consents(request):
    return _render_my_consents(request, form=WithdrawForm(), failed=None)


@login_required
@require_POST
def consent_withdraw(request, pk: int):
    record = get_object_or_404(consents_of(request.user), pk=pk)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return _render_my_consents(request, form=form, failed=record, status=400)
    try:
        withdraw_consent(
            record=record, by=request.user, method=ConsentRecord.WithdrawalMethod.SELF_SERVICE
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Your consent has been withdrawn."))
    return redirect("privacy:consents")


def _render_my_consents(request, *, form, failed, status=200):
    records = consents_of(request.user)
    context = {
        "title": _("My consents"),
        "rows": [(record, PURPOSES.get(record.purpose)) for record in records],
        "form": form,
        "failed": failed,
    }
    return render(request, "privacy/consents.html", context, status=status)


@login_required
def consent_register(request):
    if not can_view_consents(request.user):
        raise PermissionDenied
    form = RegisterFilterForm(request.GET or None)
    records = None
    if form.is_valid():
        email = form.cleaned_data["email"]
        records = ConsentRecord.objects.filter(
            Q(user__email__iexact=email) | Q(email__iexact=email)
        ).select_related("withdrawn_by")[:REGISTER_LIMIT]
    context = {
        "title": _("Consent register"),
        "form": form,
        "rows": [(record, PURPOSES.get(record.purpose)) for record in records or []],
        "searched": records is not None,
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "privacy/consent_register.html", context, status=status)
