from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("", views.survey_list, name="list"),
    path("nowa/", views.survey_create, name="create"),
    path("<int:pk>/", views.survey_detail, name="detail"),
    path("<int:pk>/edytuj/", views.survey_edit, name="edit"),
    path("<int:pk>/pytania/nowe/", views.question_add, name="question-add"),
    path("<int:pk>/pytania/<int:question_pk>/", views.question_edit, name="question-edit"),
    path(
        "<int:pk>/pytania/<int:question_pk>/usun/",
        views.question_delete,
        name="question-delete",
    ),
    path(
        "<int:pk>/pytania/<int:question_pk>/przesun/",
        views.question_move,
        name="question-move",
    ),
    path("<int:pk>/otworz/", views.survey_open, name="open"),
    path("<int:pk>/zamknij/", views.survey_close, name="close"),
    path("<int:pk>/wyslij/", views.survey_send, name="send"),
    path("<int:pk>/przypomnij/", views.survey_remind, name="remind"),
    path("<int:pk>/wyniki/", views.survey_results, name="results"),
    path("<int:pk>/wyniki.csv", views.results_csv, name="results-csv"),
    path("<int:pk>/wyniki.xlsx", views.results_xlsx, name="results-xlsx"),
    path("<int:pk>/opublikuj/", views.survey_publish, name="publish"),
]
