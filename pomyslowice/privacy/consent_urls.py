from django.urls import path

from . import consent_views as views

urlpatterns = [
    path("polityka-prywatnosci/", views.policy, name="policy"),
    path("konto/zgody/", views.my_consents, name="consents"),
    path("konto/zgody/<int:pk>/wycofaj/", views.consent_withdraw, name="consent-withdraw"),
    path("panel/rodo/zgody/", views.consent_register, name="consent-register"),
]
