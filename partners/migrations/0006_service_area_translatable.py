"""The service area becomes translatable: its text is kept as {"<default language>": text}."""

from django.conf import settings
from django.db import migrations, models

import home.fields


def to_translations(apps, schema_editor):
    Agency = apps.get_model("partners", "Agency")
    for agency in Agency.objects.only("pk", "old_service_area"):
        text = agency.old_service_area.strip()
        agency.service_area = {settings.LANGUAGE_CODE: text} if text else {}
        agency.save(update_fields=["service_area"])


def to_default_language_text(apps, schema_editor):
    Agency = apps.get_model("partners", "Agency")
    for agency in Agency.objects.only("pk", "service_area"):
        texts = agency.service_area or {}
        text = texts.get(settings.LANGUAGE_CODE) or next((t for t in texts.values() if t), "")
        agency.old_service_area = text[:200]
        agency.save(update_fields=["old_service_area"])


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0005_directory_under_signoff"),
    ]

    operations = [
        migrations.RenameField(model_name="agency", old_name="service_area", new_name="old_service_area"),
        migrations.AddField(
            model_name="agency",
            name="service_area",
            field=home.fields.TranslatedTextField(
                default=dict,
                help_text="For example: Harbor County.",
                max_length=200,
                verbose_name="jurisdiction or service area",
            ),
        ),
        migrations.RunPython(to_translations, to_default_language_text),
        # A default, so that undoing the removal can add the column back to existing rows.
        migrations.AlterField(
            model_name="agency",
            name="old_service_area",
            field=models.CharField(default="", max_length=200, verbose_name="jurisdiction or service area"),
        ),
        migrations.RemoveField(model_name="agency", name="old_service_area"),
    ]
