from django.urls import path

from . import mail_views as views

urlpatterns = [
    path("", views.mail_register, name="mail-register"),
    path("dodaj/", views.mail_add, name="mail-add"),
    path("organizacje/", views.mail_organizations, name="mail-organizations"),
    path("nieodebrane/", views.mail_uncollected, name="mail-uncollected"),
    path("nieodebrane/przypomnij/", views.mail_remind, name="mail-remind"),
    path("moje/", views.mail_mine, name="mail-mine"),
    path("<int:pk>/", views.mail_detail, name="mail-detail"),
    path("<int:pk>/odbior/", views.mail_pickup, name="mail-pickup"),
    path("<int:pk>/zwrot/", views.mail_return, name="mail-return"),
]
