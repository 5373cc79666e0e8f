from django.urls import path

from . import outreach_views as views

# Under /wolontariat/promocja/.
urlpatterns = [
    path("", views.outreach_list, name="outreach"),
    path("nowe/", views.outreach_create, name="outreach_create"),
    path("<int:pk>/", views.outreach_detail, name="outreach_detail"),
    path("<int:pk>/edytuj/", views.outreach_edit, name="outreach_edit"),
    path("dolacz/<slug:code>/", views.outreach_join, name="outreach_join"),
]
