from django.urls import path

from . import views

app_name = "organizations"

# Fixed words come before "<slug>/"; services.RESERVED_SLUGS keeps profiles from taking them.
urlpatterns = [
    path("", views.organization_list, name="list"),
    path("zglos/", views.organization_register, name="register"),
    path("moderacja/", views.moderation, name="moderation"),
    path(
        "moderacja/organizacje/<slug:slug>/zatwierdz/",
        views.organization_approve,
        name="approve",
    ),
    path("moderacja/organizacje/<slug:slug>/odrzuc/", views.organization_reject, name="reject"),
    path("moderacja/przejecia/<int:pk>/zatwierdz/", views.claim_approve, name="claim-approve"),
    path("moderacja/przejecia/<int:pk>/odrzuc/", views.claim_reject, name="claim-reject"),
    path("<slug:slug>/", views.organization_detail, name="detail"),
    path("<slug:slug>/edytuj/", views.organization_edit, name="edit"),
    path("<slug:slug>/przejmij/", views.organization_claim, name="claim"),
    path("<slug:slug>/opiekun/", views.organization_caretaker, name="caretaker"),
]
