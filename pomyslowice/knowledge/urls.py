from django.urls import path, re_path

from . import views
from .feeds import KindFeed
from .models import Article

app_name = "knowledge"

_KINDS = "|".join(Article.KIND_SLUGS.values())

# Fixed words come before "<slug>/"; services.RESERVED_SLUGS keeps articles from taking them.
urlpatterns = [
    path("", views.article_list, name="list"),
    path("nowy/", views.article_new, name="new"),
    path("do-przegladu/", views.review_queue, name="review"),
    path("moje/", views.my_articles, name="mine"),
    path("tag/<slug:slug>/", views.tag_list, name="tag"),
    re_path(rf"^kanal/(?P<kind_slug>{_KINDS})\.xml$", KindFeed(), name="feed"),
    re_path(rf"^(?P<kind_slug>{_KINDS})/$", views.kind_list, name="kind"),
    path("<slug:slug>/", views.article_detail, name="detail"),
    path("<slug:slug>/edytuj/", views.article_edit, name="edit"),
    path("<slug:slug>/wyslij/", views.article_submit, name="submit"),
    path("<slug:slug>/opublikuj/", views.article_publish, name="publish"),
    path("<slug:slug>/zwroc/", views.article_return, name="return"),
    path("<slug:slug>/archiwizuj/", views.article_archive, name="archive"),
    path("<slug:slug>/raport/", views.report_download, name="report"),
    path("<slug:slug>/zalaczniki/", views.attachment_add, name="attachment-add"),
    path("<slug:slug>/zalaczniki/<int:pk>/", views.attachment_download, name="attachment"),
    path(
        "<slug:slug>/zalaczniki/<int:pk>/usun/", views.attachment_remove, name="attachment-remove"
    ),
    path("<slug:slug>/historia/", views.revision_list, name="revisions"),
    path("<slug:slug>/historia/<int:pk>/", views.revision_diff, name="revision"),
    path("<slug:slug>/historia/<int:pk>/przywroc/", views.revision_restore, name="restore"),
]
