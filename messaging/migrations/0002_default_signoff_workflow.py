"""Create the default "Agency sign-off" workflow (every active agency must sign off).

Messaging pages use it wherever no other workflow containing an agency sign-off is assigned
(SignOffRequiredMixin.get_workflow); the coordinator can edit it in Settings → Workflows.
"""

from django.db import migrations


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    AgencySignOffTask = apps.get_model("messaging", "AgencySignOffTask")

    if AgencySignOffTask.objects.exists():
        return
    task_type, _ = ContentType.objects.get_or_create(app_label="messaging", model="agencysignofftask")
    task = AgencySignOffTask.objects.create(name="Agency sign-off", content_type=task_type, active=True)
    workflow = Workflow.objects.create(name="Agency sign-off", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
