from django.db import migrations

# The fixed vocabularies of messaging.models.TraffickingForm and Audience (their names are the
# choices' translated labels; the rows only let explainers be filtered in the database).
FORMS = [
    "sex",
    "labour",
    "domestic-servitude",
    "forced-criminality",
    "forced-marriage",
    "debt-bondage",
]
AUDIENCES = [
    "general-public",
    "youth",
    "educators",
    "health-workers",
    "law-enforcement",
    "employers",
]


def add_vocabulary(apps, schema_editor):
    for model_name, codes in (("TraffickingForm", FORMS), ("Audience", AUDIENCES)):
        model = apps.get_model("messaging", model_name)
        for code in codes:
            model.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("messaging", "0006_explainers")]

    operations = [migrations.RunPython(add_vocabulary, migrations.RunPython.noop)]
