from django.urls import path

from . import group_views as views

# Under /wolontariat/grupa-inicjatywna/.
urlpatterns = [
    path("", views.group_overview, name="group"),
    path("czlonkowie/nowy/", views.group_member_add, name="group_member_add"),
    path("czlonkowie/<int:pk>/edytuj/", views.group_member_edit, name="group_member_edit"),
    path("spotkania/nowe/", views.group_meeting_add, name="group_meeting_add"),
    path("spotkania/<int:pk>/", views.group_meeting, name="group_meeting"),
    path("spotkania/<int:pk>/edytuj/", views.group_meeting_edit, name="group_meeting_edit"),
    path("zadania/nowe/", views.group_action_add, name="group_action_add"),
    path("zadania/<int:pk>/edytuj/", views.group_action_edit, name="group_action_edit"),
]
