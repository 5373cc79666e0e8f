from django.contrib import admin

from .models import BudgetLine, Expense, FunderReport, Project


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0
    fields = ["position", "name", "planned_grant", "planned_own"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "funder", "start", "end", "target_persons", "target_organizations"]
    search_fields = ["name", "slug", "funder"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "start"
    inlines = [BudgetLineInline]


@admin.register(Expense)
class ExpenseAdmin(admin.ModelAdmin):
    list_display = ["date", "description", "line", "amount", "funded_from", "document_number"]
    list_filter = ["funded_from", "line__project"]
    search_fields = ["description", "document_number", "line__name"]
    list_select_related = ["line"]
    date_hierarchy = "date"
    raw_id_fields = ["recorded_by"]
    # Documents are uploaded on the budget pages, where their bytes are checked.
    readonly_fields = ["document", "recorded_by", "created_at"]


@admin.register(FunderReport)
class FunderReportAdmin(admin.ModelAdmin):
    list_display = ["project", "period_start", "period_end", "updated_by", "updated_at"]
    list_filter = ["project"]
    list_select_related = ["project", "updated_by"]
    readonly_fields = ["updated_by", "updated_at"]
