from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from pomyslowice.core.sanitize import clean_html

from .models import Membership, Organization


class OrganizationAdminForm(forms.ModelForm):
    """The admin builds the form's Meta from the fieldsets below."""

    def clean_description(self):
        # The admin is one more way in; rich text is sanitised here as on the site.
        return clean_html(self.cleaned_data["description"])


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "organization"
    extra = 0
    fields = ["user", "role", "status", "message", "rejection_reason", "decided_at", "decided_by"]
    readonly_fields = ["decided_at", "decided_by"]
    raw_id_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    form = OrganizationAdminForm
    list_display = [
        "name",
        "kind",
        "status",
        "city",
        "district",
        "is_public_benefit",
        "caretaker",
        "published_at",
    ]
    list_filter = ["status", "kind", "is_public_benefit", "district", "areas"]
    search_fields = ["name", "short_name", "city", "krs", "nip", "regon", "email"]
    list_select_related = ["district", "caretaker"]
    date_hierarchy = "created_at"
    # Decisions go through the moderation page, which logs them and notifies people.
    readonly_fields = [
        "status",
        "rejection_reason",
        "submitted_by",
        "published_at",
        "created_at",
        "updated_at",
    ]
    filter_horizontal = ["areas"]
    raw_id_fields = ["caretaker"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "kind", "description", "logo", "areas"]}),
        (_("Registry numbers"), {"fields": ["krs", "nip", "regon", "is_public_benefit"]}),
        (
            _("Address and contact"),
            {
                "fields": [
                    "street",
                    "postal_code",
                    "city",
                    "district",
                    "uses_centre_address",
                    "email",
                    "phone",
                    "website",
                    "facebook",
                    "instagram",
                    "youtube",
                    "linkedin",
                ]
            },
        ),
        (
            _("At the centre"),
            {
                "fields": [
                    "caretaker",
                    "status",
                    "rejection_reason",
                    "submitted_by",
                    "published_at",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "caretaker":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role", "status", "created_at", "decided_at"]
    list_filter = ["status", "role"]
    search_fields = [
        "user__email",
        "user__first_name",
        "user__last_name",
        "organization__name",
    ]
    list_select_related = ["user", "organization"]
    raw_id_fields = ["user", "organization", "decided_by"]
    readonly_fields = ["created_at", "decided_at"]
