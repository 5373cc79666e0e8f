from allauth.account import forms as allauth_forms
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, User
from .sessions import limit_staff_session


class ProfileForm(forms.Form):
    # A plain form, not a ModelForm on request.user: invalid input must not leak into the
    # user object that the rest of the page (the header, for one) still renders.
    first_name = User._meta.get_field("first_name").formfield()
    last_name = User._meta.get_field("last_name").formfield()
    language = forms.ChoiceField(
        label=_("Language of e-mails"),
        choices=settings.LANGUAGES,
        # Optional: a form sent without it keeps the current choice.
        required=False,
        help_text=_("We write to you in this language, whoever on our side sends the message."),
    )

    def __init__(self, *args, user: User, **kwargs):
        kwargs.setdefault(
            "initial",
            {"first_name": user.first_name, "last_name": user.last_name, "language": user.language},
        )
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=ApiToken._meta.get_field("name").max_length,
        help_text=_("So that you recognise it later, e.g. the name of the program that uses it."),
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account will be deleted permanently and cannot be restored."),
    )

    def __init__(self, *args, user: User, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your current password."))
        return password


class SignupForm(allauth_forms.SignupForm):
    """Allauth's sign-up with its bot trap (ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD) made like ours:
    hidden from people and assistive technology by its template, labelled, and without the inline
    style the Content-Security-Policy forbids. A filled trap gets the usual "check your e-mail"
    answer and creates nothing (allauth's try_save)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        trap = self.fields[settings.ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD]
        trap.label = _("Leave this field empty")
        trap.widget = forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"})
        trap.is_trap = True
        # Art. 13 GDPR is a duty to inform, not a consent: the account is processed to provide
        # the service (art. 6(1)(b)), so nothing is recorded in the consent register.
        self.fields["privacy_policy"] = forms.BooleanField(
            label=_("I have read the information on how my data are processed"),
            error_messages={"required": _("Confirm that you have read the information.")},
        )


class LoginForm(allauth_forms.LoginForm):
    """allauth sets the session's length from "remember me" after logging in; staff sessions are
    then cut to a working day."""

    def login(self, request, redirect_url=None):
        response = super().login(request, redirect_url=redirect_url)
        if request.user.is_authenticated:
            limit_staff_session(request, request.user)
        return response
