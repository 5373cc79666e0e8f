from django.contrib import admin

from .models import Article, Tag


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    """Read-mostly: articles are written and published on the site, where revisions are kept."""

    list_display = ["title", "kind", "status", "published_at", "author"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "lead"]
    readonly_fields = ["slug", "author", "status", "published_at"]
    autocomplete_fields = ["tags"]
    filter_horizontal = ["areas", "organizations"]
