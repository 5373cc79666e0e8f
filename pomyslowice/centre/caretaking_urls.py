from django.urls import path

from . import caretaking_views as views

urlpatterns = [
    path("", views.overview, name="caretaking-overview"),
    path("<slug:slug>/", views.timeline, name="timeline-detail"),
    path("<slug:slug>/kontakt/", views.contact_add, name="caretaking-contact-add"),
    path("<slug:slug>/kontakt/<int:pk>/", views.contact_edit, name="caretaking-contact-edit"),
    path(
        "<slug:slug>/kontakt/<int:pk>/usun/",
        views.contact_delete,
        name="caretaking-contact-delete",
    ),
    path("<slug:slug>/zadania/dodaj/", views.task_add, name="caretaking-task-add"),
    path(
        "<slug:slug>/zadania/<int:pk>/wykonane/",
        views.task_complete,
        name="caretaking-task-complete",
    ),
    path("<slug:slug>/zadania/<int:pk>/otworz/", views.task_reopen, name="caretaking-task-reopen"),
]
