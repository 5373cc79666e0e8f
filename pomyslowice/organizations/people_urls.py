from django.urls import path

from . import people_views

app_name = "people"

# The fixed addresses come before <slug:slug>/; people_services.RESERVED_SLUGS keeps
# generated slugs from taking any of them.
urlpatterns = [
    path("", people_views.person_list, name="list"),
    path("moj-profil/", people_views.my_profile, name="my-profile"),
    path(
        "moj-profil/wycofaj/<str:field>/",
        people_views.withdraw_my_consent,
        name="withdraw-consent",
    ),
    path("moj-profil/usun/", people_views.delete_my_profile, name="my-profile-delete"),
    path("dodaj/", people_views.person_add, name="add"),
    path("oczekujace/", people_views.pending_list, name="pending"),
    path("oczekujace/<int:pk>/wyslij-ponownie/", people_views.pending_resend, name="resend"),
    path("oczekujace/<int:pk>/usun/", people_views.pending_discard, name="discard"),
    path("zgoda/nowy-link/", people_views.consent_request, name="consent-request"),
    path("zgoda/<str:token>/", people_views.consent, name="consent"),
    path("<slug:slug>/", people_views.person_detail, name="detail"),
    path("<slug:slug>/kontakt/", people_views.person_contact, name="contact"),
]
