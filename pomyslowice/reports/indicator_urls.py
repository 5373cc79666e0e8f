from django.urls import path

from . import indicator_views as views

urlpatterns = [
    path("", views.project_list, name="projects"),
    path("nowy/", views.project_create, name="project-create"),
    path("<slug:slug>/", views.project_dashboard, name="project"),
    path("<slug:slug>/edytuj/", views.project_edit, name="project-edit"),
]
