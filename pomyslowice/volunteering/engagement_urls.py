from django.urls import path

from . import engagement_views as views

urlpatterns = [
    path("wspolprace/", views.engagement_list, name="engagements"),
    path("wspolprace/<int:pk>/", views.engagement_detail, name="engagement"),
    path("wspolprace/<int:pk>/porozumienie/", views.agreement, name="agreement"),
    path(
        "wspolprace/<int:pk>/porozumienie/<int:version>/",
        views.agreement_version,
        name="agreement_version",
    ),
    path(
        "wspolprace/<int:pk>/porozumienie/<int:version>.pdf",
        views.agreement_pdf_download,
        name="agreement_pdf",
    ),
    path(
        "wspolprace/<int:pk>/porozumienie/<int:version>/potwierdz/",
        views.agreement_confirm,
        name="agreement_confirm",
    ),
    path(
        "wspolprace/<int:pk>/popros-o-porozumienie/",
        views.written_agreement_request,
        name="agreement_request",
    ),
    path("wspolprace/<int:pk>/bhp/", views.safety, name="engagement_safety"),
    path("wspolprace/<int:pk>/ubezpieczenie/", views.insurance, name="engagement_insurance"),
    path("wspolprace/<int:pk>/zgoda-opiekuna/", views.guardian_consent, name="guardian_consent"),
    path(
        "wspolprace/<int:pk>/zgoda-opiekuna/plik/",
        views.guardian_consent_file,
        name="guardian_consent_file",
    ),
    path("wspolprace/<int:pk>/rejestr/", views.register_check, name="engagement_register"),
    path("wspolprace/<int:pk>/rozpocznij/", views.start, name="engagement_start"),
    path("wspolprace/<int:pk>/zakoncz/", views.end, name="engagement_end"),
    path("wspolprace/<int:pk>/odwolaj/", views.call_off, name="engagement_call_off"),
]
