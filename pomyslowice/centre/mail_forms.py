from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pomyslowice.organizations.models import Membership, Organization

from .models import MailItem

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def organizations_using_address():
    return Organization.objects.filter(uses_centre_address=True).order_by("name", "pk")


def _say_required(form: forms.Form) -> None:
    for field in form.fields.values():
        if field.required:  # said in words, not only by colour or an asterisk
            field.label = format_lazy("{} ({})", field.label, _("required"))


class MailItemForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=organizations_using_address(),
        help_text=_("Only organisations that use the centre's correspondence address."),
    )
    received_on = forms.DateField(label=_("Received on"), widget=DATE_INPUT)
    sender = forms.CharField(label=_("Sender"), max_length=250)
    kind = forms.ChoiceField(label=_("Type"), choices=MailItem.Kind.choices)
    registered = forms.BooleanField(label=_("Registered mail"), required=False)
    note = forms.CharField(
        label=_("Note"),
        max_length=300,
        required=False,
        help_text=_("For example: a postal notice number, or that the envelope is damaged."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations_using_address()
        self.fields["received_on"].initial = timezone.localdate
        _say_required(self)

    @property
    def fieldset_groups(self):
        return [
            (_("For whom"), [self["organization"]]),
            (
                _("The item"),
                [self["received_on"], self["sender"], self["kind"], self["registered"]],
            ),
            (_("Anything else"), [self["note"]]),
        ]


class PickupForm(forms.Form):
    picked_up_by_name = forms.CharField(
        label=_("Name of the person picking up, as signed"), max_length=200
    )
    picked_up_at = forms.DateTimeField(label=_("Picked up at"), widget=DATETIME_INPUT)
    picked_up_by = forms.ModelChoiceField(
        label=_("Their account (optional)"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("not known or no account"),
        help_text=_("The organisation's representatives with an account."),
    )

    def __init__(self, *args, item: MailItem, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["picked_up_at"].initial = lambda: timezone.localtime().replace(
            second=0, microsecond=0
        )
        self.fields["picked_up_by"].queryset = (
            get_user_model()
            .objects.filter(
                memberships__organization_id=item.organization_id,
                memberships__status=Membership.Status.ACTIVE,
            )
            .order_by("last_name", "first_name", "pk")
        )
        self.fields["picked_up_by"].label_from_instance = lambda user: (
            f"{user.get_full_name() or user.email} <{user.email}>"
        )
        _say_required(self)


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("Why it goes back"),
        max_length=200,
        help_text=_("For example: not picked up in time, refused, wrong addressee."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _say_required(self)


class MailFilterForm(forms.Form):
    """The register's GET filters; a value that makes no sense is ignored."""

    organizacja = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("all organisations"),
    )
    stan = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("any status")), *MailItem.Status.choices],
    )
    od = forms.DateField(label=_("Received from"), required=False, widget=DATE_INPUT)
    do = forms.DateField(label=_("Received until"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizacja"].queryset = (
            Organization.objects.filter(Q(uses_centre_address=True) | Q(mail_items__isnull=False))
            .distinct()
            .order_by("name", "pk")
        )
        self.is_valid()

    def is_filtered(self) -> bool:
        return any(self.cleaned_data.get(name) for name in self.fields)

    def apply(self, items):
        data = self.cleaned_data
        if data.get("organizacja"):
            items = items.filter(organization=data["organizacja"])
        if data.get("stan"):
            items = items.filter(status=data["stan"])
        if data.get("od"):
            items = items.filter(received_on__gte=data["od"])
        if data.get("do"):
            items = items.filter(received_on__lte=data["do"])
        return items
