"""An anymail backend that plays the ESP on this machine: every message, batch sends
included, lands in EMAIL_FILE_PATH as one .eml file per recipient, with its merge data
filled in and its merge headers set, as the reader would receive it.

The demo uses it so `var/outbox/` can be opened in a mail client; the newsletter's
crash drill uses it because a separate worker process's sends are then visible as files.
Each batch is written at once, after XARXA_OUTBOX_LATENCY seconds (an ESP's response
time), like an ESP that accepts or refuses a whole API call.
"""

import os
import time
import uuid
from email.mime.base import MIMEBase
from pathlib import Path

from anymail.backends.base import AnymailBaseBackend, BasePayload
from anymail.message import AnymailRecipientStatus
from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from core.mail import personalise  # core.mail imports models: not at load time


class EmailBackend(AnymailBaseBackend):
    esp_name = "Outbox folder"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.folder = Path(settings.EMAIL_FILE_PATH)

    def build_message_payload(self, message, defaults):
        return FolderPayload(message, defaults, self)

    def post_to_esp(self, payload, message):
        latency = float(os.environ.get("XARXA_OUTBOX_LATENCY", "0") or 0)
        if latency:
            time.sleep(latency)
        self.folder.mkdir(parents=True, exist_ok=True)
        written = []
        statuses = {}
        for recipient in payload.recipients:
            copy = payload.for_recipient(recipient)
            message_id = uuid.uuid4().hex
            name = f"{time.strftime('%Y%m%d-%H%M%S')}-{message_id}.eml"
            temporary = self.folder / f".{name}.tmp"
            temporary.write_bytes(copy.message().as_bytes())
            written.append((temporary, self.folder / name))
            statuses[recipient.addr_spec] = AnymailRecipientStatus(message_id, "sent")
        for temporary, final in written:
            os.replace(temporary, final)
        return statuses

    def parse_recipient_status(self, response, payload, message):
        return response


class FolderPayload(BasePayload):
    def init_payload(self):
        self.recipients = []
        self.data = {"headers": {}, "alternatives": [], "attachments": []}

    def set_from_email(self, email):
        self.data["from"] = email.address

    def set_to(self, emails):
        self.recipients += emails

    def set_cc(self, emails):
        self.recipients += emails

    def set_bcc(self, emails):
        self.recipients += emails

    def set_subject(self, subject):
        self.data["subject"] = subject

    def set_reply_to(self, emails):
        self.data["reply_to"] = [email.address for email in emails]

    def set_extra_headers(self, headers):
        self.data["headers"].update(headers)

    def set_text_body(self, body):
        self.data["text"] = body

    def set_html_body(self, body):
        self.data["html"] = body

    def add_alternative(self, content, mimetype):
        self.data["alternatives"].append((content, mimetype))

    def add_attachment(self, attachment):
        self.data["attachments"].append(attachment)

    def set_merge_data(self, merge_data):
        self.data["merge_data"] = merge_data

    def set_merge_headers(self, merge_headers):
        self.data["merge_headers"] = merge_headers

    # Tracking and templating options mean nothing to a folder.
    def set_metadata(self, metadata):
        pass

    def set_merge_metadata(self, merge_metadata):
        pass

    def set_tags(self, tags):
        pass

    def set_esp_extra(self, extra):
        pass

    def for_recipient(self, recipient):
        values = self.data.get("merge_data", {}).get(recipient.addr_spec, {})
        headers = {
            **self.data["headers"],
            **self.data.get("merge_headers", {}).get(recipient.addr_spec, {}),
        }
        copy = EmailMultiAlternatives(
            subject=self.data.get("subject", ""),
            body=personalise(self.data.get("text", ""), values),
            from_email=self.data.get("from"),
            to=[recipient.address],
            reply_to=self.data.get("reply_to"),
            headers=headers,
        )
        if self.data.get("html"):
            copy.attach_alternative(personalise(self.data["html"], values), "text/html")
        for content, mimetype in self.data["alternatives"]:
            copy.attach_alternative(content, mimetype)
        for attachment in self.data["attachments"]:
            # A calendar part keeps its method= parameter only as the MIME part it was.
            original = attachment._attachment
            copy.attach(original) if isinstance(original, MIMEBase) else copy.attach(*original)
        return copy
