from django.urls import include, path

from . import (
    caretaking_urls,
    consulting_urls,
    equipment_urls,
    mail_urls,
    room_urls,
    strategy_urls,
    views,
)

app_name = "centre"

urlpatterns = [
    path("", views.index, name="index"),
    path("sale/", include(room_urls)),
    path("sprzet/", include(equipment_urls)),
    path("doradztwo/", include(consulting_urls)),
    path("poczta/", include(mail_urls)),
    path("opieka/", include(caretaking_urls)),
    path("strategie/", include(strategy_urls)),
]
