from django import forms
from django.db.models import F
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pomyslowice.accounts.models import User
from pomyslowice.core.widgets import RichTextWidget
from pomyslowice.organizations.forms import DESCRIPTION_EXTENSIONS
from pomyslowice.organizations.models import Organization

from .group_services import ACTION_FIELDS, MEETING_FIELDS
from .models import GroupAction, GroupMeeting, GroupMember

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class GroupMemberForm(forms.ModelForm):
    # An e-mail address rather than a list of every account on the site.
    account_email = forms.EmailField(
        label=_("E-mail of the member's account"),
        required=False,
        help_text=_("Optional: links the member to their account on this site."),
    )

    class Meta:
        model = GroupMember
        fields = ["name", "role", "organization", "email", "joined_on", "left_on"]
        widgets = {"joined_on": DATE_INPUT, "left_on": DATE_INPUT}
        help_texts = {
            "email": _("Left empty, the account's e-mail is used."),
            "left_on": _("Fill in when the member leaves the group; they stay on the list."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.published().order_by(
            "name", "pk"
        )
        if self.instance.user_id:
            self.fields["account_email"].initial = self.instance.user.email

    def clean_account_email(self):
        email = self.cleaned_data["account_email"]
        if not email:
            return None
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _("No active account uses this e-mail address."), code="no_account"
            )
        return user

    def service_arguments(self) -> dict:
        arguments = {name: self.cleaned_data[name] for name in self.Meta.fields}
        arguments["user"] = self.cleaned_data["account_email"]
        return arguments


class GroupMeetingForm(forms.ModelForm):
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        widget=RichTextWidget(extensions=DESCRIPTION_EXTENSIONS),
        help_text=_(
            "What was discussed and decided. Allowed formatting: bold, italics, underline, "
            "headings, lists, quotes and links; anything else is removed."
        ),
    )

    class Meta:
        model = GroupMeeting
        fields = list(MEETING_FIELDS)
        widgets = {
            "held_on": DATE_INPUT,
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "attendees": forms.CheckboxSelectMultiple(attrs={"class": "checkbox-list"}),
        }
        help_texts = {"attendees": _("Only people who were members on the meeting's day.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = GroupMember.objects.order_by("name", "pk")

    def service_arguments(self) -> dict:
        return {name: self.cleaned_data[name] for name in MEETING_FIELDS}


class GroupActionForm(forms.ModelForm):
    class Meta:
        model = GroupAction
        fields = list(ACTION_FIELDS)
        widgets = {"due_on": DATE_INPUT, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Current members first (no leaving date), on SQLite and PostgreSQL alike.
        self.fields["owner"].queryset = GroupMember.objects.order_by(
            F("left_on").asc(nulls_first=True), "name", "pk"
        )
        self.fields["owner"].label_from_instance = _member_label
        self.fields["meeting"].queryset = GroupMeeting.objects.order_by("-held_on", "-pk")

    def service_arguments(self) -> dict:
        return {name: self.cleaned_data[name] for name in ACTION_FIELDS}


def _member_label(member: GroupMember) -> str:
    if member.left_on:
        return _("%(name)s (left %(day)s)") % {
            "name": member.name,
            "day": date_format(member.left_on, "SHORT_DATE_FORMAT"),
        }
    return member.name
