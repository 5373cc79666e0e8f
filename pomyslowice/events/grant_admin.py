"""Admin for grant calls; imported by events/admin.py so the models are registered once."""

from django import forms
from django.contrib import admin
from django.db import models

from pomyslowice.core.audit import log_action
from pomyslowice.core.sanitize import clean_html

from .grant_services import announce_grant_call
from .models import GrantCall, GrantCallAttachment, GrantCallSubscription


class GrantCallAdminForm(forms.ModelForm):
    def clean_description(self):
        # The admin is one more way in; rich text is sanitised here as on the site.
        return clean_html(self.cleaned_data["description"])


class GrantCallAttachmentInline(admin.TabularInline):
    model = GrantCallAttachment
    extra = 1


@admin.register(GrantCall)
class GrantCallAdmin(admin.ModelAdmin):
    form = GrantCallAdminForm
    list_display = ["title", "kind", "funder", "deadline", "is_published"]
    list_filter = ["is_published", "kind", "areas"]
    search_fields = ["title", "funder_name", "funder_organization__name"]
    list_select_related = ["funder_organization"]
    date_hierarchy = "deadline"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["areas"]
    raw_id_fields = ["funder_organization"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    inlines = [GrantCallAttachmentInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        log_action(
            actor=request.user,
            verb="events.grant_call.updated" if change else "events.grant_call.created",
            target=obj,
            data={"fields": sorted(form.changed_data), "via": "admin"},
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the areas are saved, so the alert reaches the matching organisations; the
        # service records each alert, so a call is never announced to anyone twice.
        published_now = not change or "is_published" in form.changed_data
        if form.instance.is_published and published_now:
            announce_grant_call(form.instance)


@admin.register(GrantCallSubscription)
class GrantCallSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "created_at"]
    search_fields = ["user__email", "organization__name"]
    list_select_related = ["user", "organization"]
    raw_id_fields = ["user", "organization"]
