from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("tokeny/", views.tokens, name="tokens"),
    path("tokeny/<int:pk>/uniewaznij/", views.token_revoke, name="token-revoke"),
]
