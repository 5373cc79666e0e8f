from django.urls import path

from . import profile_views as views

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("profil/usun/", views.profile_delete, name="profile_delete"),
]
