"""No group holds Wagtail's publish permission on pages (DESIGN.md, section 4).

Wagtail's own migrations give the stock "Moderators" group publish permission on the root page,
and earlier versions of partners.roles gave it to the coordinators on every message index. Every
public page goes live only through agency sign-off; only superusers keep the permission (they
hold every permission). The groups themselves stay, with their other permissions.
"""

from django.db import migrations


def remove_publish_permission(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        permission__content_type__app_label="wagtailcore", permission__codename="publish_page"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0002_directorypage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(remove_publish_permission, migrations.RunPython.noop)]
