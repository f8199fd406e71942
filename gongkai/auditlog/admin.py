from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_name", "action", "model", "object_repr", "agency", "ip"]
    list_filter = ["action", "model"]
    search_fields = ["actor_name", "object_repr", "object_id"]
    date_hierarchy = "at"

    # The log is evidence: nobody edits or deletes it, not even a superuser.
    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
