"""Log records that carry the request id, and an optional JSON-lines format.

The request id is the one ``RequestIdMiddleware`` gives each request, echoed in the
``X-Request-ID`` header and stored on the request's audit events, so a log line, a user's
report and the audit trail can be matched. ``LOG_FORMAT=json`` writes one JSON object per
line for log collectors.
"""

import contextvars
import datetime
import json
import logging
from typing import Any

current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar(
    "waishi_request_id", default=""
)


class RequestIdFilter(logging.Filter):
    """Puts the current request's id (or an empty string) on every record as ``request_id``."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, request id, error."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
