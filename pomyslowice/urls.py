from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from pomyslowice.api.api import api, api_not_found
from pomyslowice.core import views as core_views
from pomyslowice.events import views as event_views
from pomyslowice.home import home
from pomyslowice.mine import mine

# The admin's own log-in form would skip the authenticator code: staff log in through allauth's.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("ping", core_views.ping, name="ping"),
    path("api/v1/", api.urls),
    re_path(r"^api/", api_not_found),
    path("i18n/setlang/", core_views.set_language, name="set_language"),
]

if settings.DEBUG:
    # In production the web server in front serves uploads (see the README).
    urlpatterns.append(
        path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
    )

urlpatterns += i18n_patterns(
    path("", home, name="home"),
    path("", include("pomyslowice.core.urls")),
    path("", include("pomyslowice.privacy.urls")),
    path("moje/", mine, name="mine"),
    path("konto/", include("pomyslowice.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("organizacje/", include("pomyslowice.organizations.urls")),
    path("ludzie/", include("pomyslowice.organizations.people_urls")),
    path("wydarzenia/", include("pomyslowice.events.urls")),
    path("osrodek/", include("pomyslowice.centre.urls")),
    path("wiedza/", include("pomyslowice.knowledge.urls")),
    path("wolontariat/", include("pomyslowice.volunteering.urls")),
    path("szukaj/", include("pomyslowice.search.urls")),
    path("kalendarz.ics", event_views.calendar_ics, name="calendar-ics"),
    path("konkursy/", include("pomyslowice.events.grant_urls")),
    path("panel/ankiety/", include("pomyslowice.surveys.urls")),
    path("panel/", include("pomyslowice.reports.urls")),
    path("ankiety/", include("pomyslowice.surveys.public_urls")),
    path("dane/", include("pomyslowice.api.opendata_urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
