from django.contrib import admin

from .models import Choice, Invitation, Question, Survey


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ["position", "text", "kind", "required", "scale_max"]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "is_anonymous", "opens_at", "closes_at", "created_at"]
    list_filter = ["status", "is_anonymous"]
    search_fields = ["title"]
    raw_id_fields = ["article", "created_by"]
    inlines = [QuestionInline]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "survey", "kind", "position"]
    list_filter = ["kind"]
    inlines = [ChoiceInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    # Tokens are the respondents' keys; the admin shows whether they answered, never what.
    list_display = ["email", "survey", "sent_at", "reminded_at", "answered"]
    list_filter = ["answered", "survey"]
    search_fields = ["email"]
    exclude = ["token"]
    readonly_fields = ["survey", "email", "sent_at", "reminded_at", "answered"]

    def has_add_permission(self, request):
        return False
