from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language_from_path, override
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET
from django.views.i18n import set_language as django_set_language

from . import accessibility


@never_cache
@require_GET
def ping(request):
    """Liveness: the process answers through the whole middleware stack; no database involved."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@csrf_exempt
def set_language(request):
    """The language switcher of every page.

    Anonymous visitors' pages carry no CSRF token, so that they can be cached whole
    (core.page_cache); for them switching only sets a cookie in their own browser. A signed-in
    person's choice is stored on the account, so their switch must pass the CSRF check.
    """
    if request.user.is_authenticated:
        return csrf_protect(_switch_language)(request)
    return _switch_language(request)


def _switch_language(request):
    # Polish URLs have no prefix, so resolve `next` in its own language; otherwise Django
    # cannot map an /en/… address back to its Polish twin.
    next_url = request.POST.get("next", request.GET.get("next", ""))
    with override(get_language_from_path(next_url) or settings.LANGUAGE_CODE):
        return django_set_language(request)


def accessibility_statement(request):
    return render(
        request,
        "core/accessibility.html",
        {"title": _("Accessibility statement"), "statement": accessibility.statement()},
    )
