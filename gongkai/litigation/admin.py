from django.contrib import admin

from .models import Remedy


@admin.register(Remedy)
class RemedyAdmin(admin.ModelAdmin):
    list_display = ["kind", "case_number", "agency", "filed_on", "result", "decided_on"]
    list_filter = ["kind", "result"]
    raw_id_fields = ["application"]
