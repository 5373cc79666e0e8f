from django.urls import path

from . import strategy_views as views

urlpatterns = [
    path("<slug:slug>/", views.plan_detail, name="strategy-detail"),
    path("<slug:slug>/edytuj/", views.plan_edit, name="strategy-edit"),
    path("<slug:slug>/dzialania/dodaj/", views.action_add, name="strategy-action-add"),
    path("<slug:slug>/dzialania/<int:pk>/", views.action_edit, name="strategy-action-edit"),
    path(
        "<slug:slug>/dzialania/<int:pk>/usun/",
        views.action_delete,
        name="strategy-action-delete",
    ),
    path("<slug:slug>/przeglady/dodaj/", views.review_add, name="strategy-review-add"),
    path("<slug:slug>/przeglady/<int:pk>/", views.review_edit, name="strategy-review-edit"),
    path(
        "<slug:slug>/przeglady/<int:pk>/usun/",
        views.review_delete,
        name="strategy-review-delete",
    ),
    path("<slug:slug>/wersje/", views.version_list, name="strategy-versions"),
    path("<slug:slug>/wersje/<int:number>/", views.version_detail, name="strategy-version"),
    path("<slug:slug>/druk/", views.plan_print, name="strategy-print"),
    path("<slug:slug>/pdf/", views.plan_pdf_download, name="strategy-pdf"),
]
