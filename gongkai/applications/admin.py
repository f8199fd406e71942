"""Admin pages for the records (for superusers and agency administrators with staff status).

Scoped like every other page, read-only for the workflow's fields (only the workflow services
change a case), and every opened case is logged as a view of personal data."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from gongkai.agencies.scope import agency_filter
from gongkai.auditlog.log import personal_data_viewed

from .models import Application, Attachment, CaseEvent, ClockPause
from .templatetags.casefmt import mask_id_number, mask_phone


class EventInline(admin.TabularInline):
    model = CaseEvent
    extra = 0
    can_delete = False
    fields = ["kind", "on", "actor", "basis", "note", "at"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PauseInline(admin.TabularInline):
    model = ClockPause
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "basis", "start", "end", "party", "reply_due"]
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    can_delete = False
    readonly_fields = ["name", "size", "content_type", "sha256", "uploaded_at"]
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["number", "agency", "applicant_name", "masked_id", "masked_phone", "status",
                    "received_on", "due_on", "outcome"]
    list_filter = ["status", "channel", "applicant_type", "outcome"]
    search_fields = ["number", "applicant_name", "query_code"]
    date_hierarchy = "received_on"
    list_select_related = ["agency"]
    inlines = [PauseInline, EventInline, AttachmentInline]
    readonly_fields = ["agency", "number", "query_code", "channel", "submitted_on", "received_on", "status",
                       "handler", "due_on", "due_provisional", "due_explanation", "correction_due_on",
                       "fee_due_on", "extended", "outcome", "concluded_on", "delivered_on"]

    @admin.display(description="证件号码")
    def masked_id(self, obj: Application) -> str:
        return mask_id_number(obj.id_number)

    @admin.display(description="电话")
    def masked_phone(self, obj: Application) -> str:
        return mask_phone(obj.phone)

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).filter(agency_filter(request.user))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # cases come in through the intake form or the portal, registered by the workflow

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a case is a record the annual report counts; it is never deleted

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "",
                    extra_context: dict[str, Any] | None = None) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        obj = self.get_object(request, object_id)
        if obj is not None and response.status_code == 200:
            personal_data_viewed(obj, list(obj.personal_fields))
        return response
