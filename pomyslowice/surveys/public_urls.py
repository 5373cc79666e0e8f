from django.urls import path

from . import public_views

urlpatterns = [
    path("<str:token>/", public_views.answer, name="survey-answer"),
    path("<str:token>/dziekujemy/", public_views.thanks, name="survey-thanks"),
]
