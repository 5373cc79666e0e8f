from django.urls import path

from . import budget_views as views

urlpatterns = [
    path("<slug:slug>/", views.budget, name="budget"),
    path("<slug:slug>/pozycje/nowa/", views.budget_line_add, name="budget-line-add"),
    path("<slug:slug>/pozycje/<int:pk>/", views.budget_line, name="budget-line"),
    path("<slug:slug>/pozycje/<int:pk>/edytuj/", views.budget_line_edit, name="budget-line-edit"),
    path("<slug:slug>/wydatki/nowy/", views.expense_add, name="expense-add"),
    path("<slug:slug>/wydatki/<int:pk>/dokument/", views.expense_document, name="expense-document"),
]
