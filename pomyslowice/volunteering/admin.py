"""The volunteer centre in the admin: the skills list is kept here; offers can be corrected here.

An offer's status, and everything about people (profiles, applications, engagements, consents,
agreements, hours, certificates), is read-only: it changes only through the site's pages, whose
services check the law's rules, log the change and notify people.
"""

from django.contrib import admin

from .models import (
    Agreement,
    Application,
    CertificateRequest,
    Engagement,
    GroupAction,
    GroupMeeting,
    GroupMember,
    GuardianConsent,
    HoursEntry,
    Offer,
    OutreachMeeting,
    ProfileConsent,
    Skill,
    VolunteerProfile,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class ApplicationInline(ReadOnlyInline):
    model = Application
    fields = ["volunteer", "status", "created_at", "decided_at"]
    readonly_fields = fields


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["title", "host", "status", "min_age", "places", "published_at", "expires_on"]
    list_filter = ["status", "schedule", "duration", "is_remote", "works_with_children"]
    search_fields = ["title", "host__name"]
    date_hierarchy = "created_at"
    list_select_related = ["host"]
    autocomplete_fields = ["host"]
    raw_id_fields = ["contact_person"]
    filter_horizontal = ["skills", "areas"]
    readonly_fields = [
        "slug",
        "status",
        "review_note",
        "published_at",
        "created_by",
        "created_at",
        "updated_at",
    ]
    inlines = [ApplicationInline]

    def has_add_permission(self, request):
        # New offers go through the site's form, which checks the host and the dates.
        return False


class ProfileConsentInline(ReadOnlyInline):
    model = ProfileConsent
    fields = ["purpose", "given_at", "withdrawn_at"]
    readonly_fields = fields


@admin.register(VolunteerProfile)
class VolunteerProfileAdmin(ReadOnlyAdmin):
    list_display = ["user", "district", "visible_to_hosts", "digest", "created_at"]
    list_filter = ["visible_to_hosts", "digest", "travels"]
    search_fields = ["user__email", "user__last_name"]
    list_select_related = ["user", "district"]
    inlines = [ProfileConsentInline]


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ["offer", "volunteer", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["offer__title", "volunteer__email"]
    list_select_related = ["offer", "volunteer"]


class AgreementInline(ReadOnlyInline):
    model = Agreement
    fields = ["version", "starts_on", "ends_on", "host_confirmed_at", "volunteer_confirmed_at"]
    readonly_fields = fields


class HoursInline(ReadOnlyInline):
    model = HoursEntry
    fields = ["date", "hours", "description", "status"]
    readonly_fields = fields


@admin.register(Engagement)
class EngagementAdmin(ReadOnlyAdmin):
    list_display = ["application", "status", "starts_on", "ends_on"]
    list_filter = ["status"]
    search_fields = ["application__offer__title", "application__volunteer__email"]
    list_select_related = ["application__offer", "application__volunteer"]
    inlines = [AgreementInline, HoursInline]


@admin.register(GuardianConsent)
class GuardianConsentAdmin(ReadOnlyAdmin):
    list_display = ["engagement", "guardian_name", "method", "given_on"]
    exclude = ["signed_form"]


@admin.register(CertificateRequest)
class CertificateRequestAdmin(ReadOnlyAdmin):
    list_display = ["engagement", "kind", "requested_at", "issued_at"]
    list_filter = ["kind"]


@admin.register(OutreachMeeting)
class OutreachMeetingAdmin(ReadOnlyAdmin):
    list_display = ["institution", "institution_kind", "held_on", "participants"]
    list_filter = ["institution_kind"]
    search_fields = ["institution"]
    date_hierarchy = "held_on"


@admin.register(GroupMember)
class GroupMemberAdmin(ReadOnlyAdmin):
    list_display = ["name", "role", "organization", "joined_on", "left_on"]


@admin.register(GroupMeeting)
class GroupMeetingAdmin(ReadOnlyAdmin):
    list_display = ["held_on", "place"]


@admin.register(GroupAction)
class GroupActionAdmin(ReadOnlyAdmin):
    list_display = ["title", "owner", "due_on", "status"]
    list_filter = ["status"]
