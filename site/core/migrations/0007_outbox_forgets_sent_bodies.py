"""Messages already sent or failed for good keep their audit trail, not their bodies:
those held working links (core.mail.forget_body)."""

from django.db import migrations


def forget_sent_bodies(apps, schema_editor):
    OutboxMessage = apps.get_model("core", "OutboxMessage")
    OutboxMessage.objects.filter(status__in=["sent", "failed"]).update(
        text="", html="", attachments=[]
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0006_outbox_retries")]

    operations = [migrations.RunPython(forget_sent_bodies, migrations.RunPython.noop)]
