from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .forms import ApiTokenForm, ProfileForm
from .permissions import get_token_for_user, role_names
from .services import update_profile
from .tokens import create_api_token, revoke_api_token


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        update_profile(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your details have been saved."))
        return redirect("accounts:profile")
    context = {
        "title": _("My account"),
        "form": form,
        "roles": role_names(request.user),
    }
    return render(request, "accounts/profile.html", context)


# never_cache: the page that shows a new secret must not be kept by the browser or a proxy.
@never_cache
@login_required
def tokens(request):
    form = ApiTokenForm(request.POST or None)
    new_token = secret = None
    if request.method == "POST" and form.is_valid():
        try:
            new_token, secret = create_api_token(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            form.add_error("name", error)
        else:
            form = ApiTokenForm()
    context = {
        "title": _("API tokens"),
        "form": form,
        "tokens": request.user.api_tokens.all(),
        "new_token": new_token,
        "secret": secret,
    }
    return render(request, "accounts/tokens.html", context)


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_token_for_user(request.user, pk)
    if token.is_active:
        revoke_api_token(token=token, by=request.user)
        message = _("The token “%(name)s” has been revoked.")
        messages.success(request, message % {"name": token.name})
    else:
        message = _("The token “%(name)s” had already been revoked.")
        messages.info(request, message % {"name": token.name})
    return redirect("accounts:tokens")
