"""The centre's set-up in the admin: rooms, equipment, consultants and their services.

Bookings, appointments, mail and caretaker work are read-only here: they change only through
the site's pages, whose services check the rules, log the change and notify people.
"""

from django.contrib import admin

from .models import (
    Appointment,
    AvailabilityException,
    AvailabilityRule,
    ClosedDay,
    Consultant,
    ConsultingService,
    Equipment,
    EquipmentReservation,
    MailItem,
    OpeningHours,
    Room,
    RoomBooking,
    RoomPhoto,
)


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class RoomPhotoInline(admin.TabularInline):
    model = RoomPhoto
    extra = 0


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "capacity", "location", "step_free_access", "is_active", "position"]
    list_editable = ["position"]
    list_filter = ["is_active", "step_free_access"]
    search_fields = ["name", "location"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OpeningHoursInline, RoomPhotoInline]


@admin.register(ClosedDay)
class ClosedDayAdmin(admin.ModelAdmin):
    list_display = ["date", "room", "reason"]
    list_filter = ["room"]
    date_hierarchy = "date"


@admin.register(Equipment)
class EquipmentAdmin(admin.ModelAdmin):
    list_display = ["name", "quantity", "is_active", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class AvailabilityRuleInline(admin.TabularInline):
    model = AvailabilityRule
    extra = 0


class AvailabilityExceptionInline(admin.TabularInline):
    model = AvailabilityException
    extra = 0


@admin.register(Consultant)
class ConsultantAdmin(admin.ModelAdmin):
    list_display = ["display_name", "user", "is_active"]
    search_fields = ["display_name", "user__email"]
    raw_id_fields = ["user"]
    inlines = [AvailabilityRuleInline, AvailabilityExceptionInline]


@admin.register(ConsultingService)
class ConsultingServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "duration_minutes", "is_active", "position"]
    list_filter = ["kind", "is_active"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["consultants"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RoomBooking)
class RoomBookingAdmin(ReadOnlyAdmin):
    list_display = ["room", "start", "end", "status", "organization", "contact_name"]
    list_filter = ["status", "room"]
    date_hierarchy = "start"
    list_select_related = ["room", "organization"]


@admin.register(EquipmentReservation)
class EquipmentReservationAdmin(ReadOnlyAdmin):
    list_display = ["equipment", "quantity", "start", "end", "status", "organization"]
    list_filter = ["status", "equipment"]
    list_select_related = ["equipment", "organization"]


@admin.register(Appointment)
class AppointmentAdmin(ReadOnlyAdmin):
    list_display = ["service", "consultant", "start", "status"]
    list_filter = ["status", "service", "consultant"]
    date_hierarchy = "start"
    # The client's question and the consultant's notes stay on the site's appointment page.
    exclude = ["question", "staff_notes", "follow_up"]


@admin.register(MailItem)
class MailItemAdmin(ReadOnlyAdmin):
    list_display = ["received_on", "organization", "sender", "kind", "registered", "status"]
    list_filter = ["status", "kind", "registered"]
    list_select_related = ["organization"]
