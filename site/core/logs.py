"""Logs as one JSON object per line, with personal data taken out.

Delegates' and readers' addresses never reach the logs, and neither do the secret
parts of their links (confirm, manage, feed and preference tokens): a 404 on such a
link would otherwise write the token into the log, and the log into every backup.
"""

import datetime
import json
import logging
import re

#: Addresses, also URL-encoded (%40). Bounded and possessive, so a long run of word
#: characters (a hostile Host header) costs linear time.
EMAIL = re.compile(r"[\w.+-]{1,64}+(?:@|%40)[\w-]{1,63}+(?:\.[\w-]{1,63}+)++", re.IGNORECASE)
#: Path segments and query values long and random enough to be a secret token.
TOKEN = re.compile(r"(?<=[/=])[A-Za-z0-9_\-:.]{24,}+(?![A-Za-z0-9_\-:.])")
#: As long, but never secret: dotted Python names, such as the task a worker ran
#: (`path=core.tasks.follow_source`). No token, signature or reset link looks like one.
DOTTED_NAME = re.compile(r"[a-z_][a-z0-9_]*+(?:\.[a-z_][a-z0-9_]*+)++")


def _token(match):
    return match[0] if DOTTED_NAME.fullmatch(match[0]) else "[token]"


def redact(text):
    return TOKEN.sub(_token, EMAIL.sub("[email]", text))


class RedactPersonalData(logging.Filter):
    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a bad format call must not break the code that logged it
            message = f"{record.msg} {record.args!r}"
        record.msg = redact(message)
        record.args = ()
        if record.exc_info and not record.exc_text:
            # Tracebacks quote values too; format them here, redacted, once.
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


class JSONFormatter(logging.Formatter):
    """Fields a log platform can index: time, level, logger, message, and the request's
    method, path and status when Django logged one."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"] = request.method
            entry["path"] = redact(request.path)
        if hasattr(record, "status_code"):
            entry["status"] = record.status_code
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)
