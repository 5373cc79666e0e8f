from django.urls import path

from . import hours_views as views

urlpatterns = [
    path("wspolprace/<int:pk>/godziny/", views.hours, name="hours"),
    path("godziny/", views.hours_overview, name="hours_overview"),
    path("godziny/eksport.csv", views.hours_csv, name="hours_csv"),
    path("godziny/<int:pk>/popraw/", views.hours_correct, name="hours_correct"),
    path("godziny/<int:pk>/zatwierdz/", views.hours_approve, name="hours_approve"),
    path("godziny/<int:pk>/zapytaj/", views.hours_query, name="hours_query"),
    path("wspolprace/<int:pk>/zaswiadczenia/", views.certificates, name="certificates"),
    path("zaswiadczenia/<int:pk>/wystaw/", views.certificate_issue, name="certificate_issue"),
    path("zaswiadczenia/<int:pk>.pdf", views.certificate_download, name="certificate_pdf"),
]
