from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template import TemplateSyntaxError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.scope import agency_filter

from .defaults import DEFAULTS
from .models import Letter, LetterTemplate
from .preview import sample_context
from .render import paragraphs_of
from .services import render_text


class LetterTemplateForm(forms.ModelForm):
    class Meta:
        model = LetterTemplate
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 24, "cols": 100})}

    def _compiles(self, field: str) -> str:
        text = self.cleaned_data.get(field, "")
        try:
            render_text(text, sample_context(self.instance.kind or "receipt"))
        except TemplateSyntaxError as error:
            raise forms.ValidationError(_("The template does not compile: %(error)s"), code="syntax",
                                        params={"error": error}) from None
        return text

    def clean_title(self) -> str:
        return self._compiles("title")

    def clean_body(self) -> str:
        return self._compiles("body")


@admin.register(LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):
    form = LetterTemplateForm
    list_display = ["kind", "title", "updated_at"]
    readonly_fields = ["kind", "preview", "updated_at"]
    fields = ["kind", "title", "body", "preview", "updated_at"]
    actions = ["restore_shipped_text"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # one template per kind, created by the migration

    @admin.display(description=_("preview (sample case)"))
    def preview(self, obj: LetterTemplate) -> str:
        ctx = sample_context(obj.kind)
        try:
            title, body = render_text(obj.title, ctx), render_text(obj.body, ctx)
        except TemplateSyntaxError as error:
            return format_html("<p>{}</p>", error)
        paragraphs = format_html_join("", "<p>{}</p>", ((p,) for p in paragraphs_of(body)))
        return format_html('<div class="letter-preview"><h3>{}</h3>{}</div>', title.strip(), paragraphs)

    @admin.action(description=_("Restore the shipped text"))
    def restore_shipped_text(self, request: HttpRequest, queryset: QuerySet[LetterTemplate]) -> None:
        for template in queryset:
            template.title, template.body = DEFAULTS[template.kind]
            template.save()
        messages.success(request, _("The shipped text was restored; letters already issued are unchanged."))


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    """Issued letters are records: readable, never edited here."""

    list_display = ["number", "title", "application", "recipient", "issued_on"]
    list_filter = ["kind", "issued_on"]
    search_fields = ["number", "title", "application__number"]
    readonly_fields = [f.name for f in Letter._meta.fields]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Letter]:
        return super().get_queryset(request).filter(agency_filter(request.user, "application__agency"))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a letter sent is a record of the case
