from django.urls import path

from . import account_views

urlpatterns = [
    path("konto/moje-dane/", account_views.my_data, name="my-data"),
    path("konto/moje-dane/pobierz/", account_views.download, name="download"),
    path("konto/usun/", account_views.delete_account, name="delete-account"),
]
