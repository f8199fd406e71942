"""The shipped letter texts as editable templates (existing rows are left as offices edited them)."""

from django.db import migrations


def create_templates(apps, schema_editor):
    from gongkai.letters.defaults import DEFAULTS

    LetterTemplate = apps.get_model("letters", "LetterTemplate")
    for kind, (title, body) in DEFAULTS.items():
        LetterTemplate.objects.get_or_create(kind=str(kind), defaults={"title": title, "body": body})


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]

    operations = [migrations.RunPython(create_templates, migrations.RunPython.noop)]
