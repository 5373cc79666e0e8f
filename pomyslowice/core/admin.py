import json

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import AreaOfBenefit, AuditLogEntry, District, ScheduledRun


@admin.register(AreaOfBenefit)
class AreaOfBenefitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "position", "is_active"]
    list_display_links = ["code", "name"]
    list_filter = ["is_active"]
    search_fields = ["code", "name", "slug"]
    ordering = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["code", "name", "slug", "position", "source", "is_active"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "latitude", "longitude"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(admin.ModelAdmin):
    """The audit log is evidence: staff may read and filter it, nobody may edit it here."""

    list_display = ["created_at", "verb", "actor", "target_repr"]
    list_filter = ["verb", "created_at"]
    search_fields = ["target_repr"]
    date_hierarchy = "created_at"
    list_select_related = ["actor"]
    fields = ["created_at", "actor", "verb", "target_type", "target_id", "target_repr", "details"]
    readonly_fields = fields

    @admin.display(description=_("details"))
    def details(self, entry: AuditLogEntry) -> str:
        return format_html(
            "<pre>{}</pre>", json.dumps(entry.data, ensure_ascii=False, indent=2, sort_keys=True)
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    """When each periodic job was enqueued: written by run_scheduler only, read here.

    The outcome of each run is on the task result (django_tasks_db's admin)."""

    list_display = ["job", "slot", "enqueued_at"]
    list_filter = ["job"]
    date_hierarchy = "slot"
    fields = list_display
    readonly_fields = list_display

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
