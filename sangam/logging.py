"""Structured logging that keeps personal data out.

Log records are JSON lines. Messages are scrubbed of things that look like
phone numbers, e-mail addresses, Aadhaar numbers, query strings and
password-reset links, and the request object Django attaches is reduced to
method, path and status: paths in Sangam carry opaque ids only, never names
(a reset link's key is scrubbed from paths too).
"""

import json
import logging
import re

_PATTERNS = [
    # A password-reset link is a key to the account until it is used. First:
    # a key may contain what looks like a number to the patterns below.
    (re.compile(r"(/password/reset/)[\w-]+/[\w-]+/"), r"\1[link]/"),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "[email]"),
    (re.compile(r"(?<!\d)(?:\+?91[\s-]?)?[6-9]\d{9}(?!\d)"), "[phone]"),
    (re.compile(r"(?<!\d)\d{4}\s?\d{4}\s?\d{4}(?!\d)"), "[aadhaar]"),
    (re.compile(r"\?[^\s\"']*"), "?[query]"),
]


def scrub(text):
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class ScrubPersonalData(logging.Filter):
    def filter(self, record):
        record.msg = scrub(record.getMessage())
        record.args = ()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            entry["method"] = request.method
            entry["path"] = scrub(request.path)
        if getattr(record, "status_code", None):
            entry["status"] = record.status_code
        if record.exc_info:
            # The exception type and where it happened, not its message:
            # messages may quote the data that caused them.
            exc_type, _, tb = record.exc_info
            frames = []
            while tb is not None:
                code = tb.tb_frame.f_code
                frames.append(f"{code.co_filename}:{tb.tb_lineno} in {code.co_name}")
                tb = tb.tb_next
            entry["exception"] = exc_type.__name__ if exc_type else None
            entry["traceback"] = frames[-8:]
        return json.dumps(entry, ensure_ascii=False)
