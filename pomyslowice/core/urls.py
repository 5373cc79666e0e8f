from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from . import views

app_name = "core"

urlpatterns = [
    path("deklaracja-dostepnosci/", views.accessibility_statement, name="accessibility"),
    path(
        "polityka-prywatnosci/",
        TemplateView.as_view(
            template_name="core/privacy.html", extra_context={"title": _("Privacy policy")}
        ),
        name="privacy",
    ),
]
