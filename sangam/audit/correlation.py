"""The correlation id the audit entries of one request or one command share.
Importable before Django is set up (the console script sets it first)."""

import contextvars
import uuid
from contextlib import contextmanager

_correlation = contextvars.ContextVar("sangam_audit_correlation", default="")


@contextmanager
def correlated(correlation=None):
    """Entries written inside the block share one correlation id."""
    token = _correlation.set(correlation or uuid.uuid4().hex)
    try:
        yield
    finally:
        _correlation.reset(token)


def current():
    return _correlation.get()
