from django import forms
from django.contrib import admin

from pomyslowice.core.sanitize import clean_html

from .models import Event


class EventAdminForm(forms.ModelForm):
    def clean_description(self):
        # The admin is one more way in; rich text is sanitised here as on the site.
        return clean_html(self.cleaned_data["description"])


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    form = EventAdminForm
    list_display = ["title", "category", "status", "start", "end", "organizer", "published_at"]
    list_filter = ["status", "category", "all_day", "is_free", "district", "areas"]
    search_fields = ["title", "place_name", "address", "organizer__name"]
    list_select_related = ["organizer"]
    date_hierarchy = "start"
    raw_id_fields = ["organizer", "submitted_by"]
    filter_horizontal = ["areas", "co_organizers"]
    # Decisions go through the moderation page, which logs them and notifies people.
    readonly_fields = ["status", "status_note", "submitted_by", "published_at", "created_at"]


from . import grant_admin  # noqa: E402,F401  (grant call admin lives beside)
