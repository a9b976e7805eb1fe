"""Status machines: which status may follow which, who may make the change,
what the change must carry, and the event that records it.

A capability declares one ``Table`` per machine and records each change with
its ``StatusEvent`` model; every refusal is a ``Refused`` whose message is
translated and safe to show.
"""

from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.core.crypto import EncryptedField
from sangam.core.models import PersonalDataModel


class Refused(Exception):
    """A change the rules do not allow; the message is translated and safe to show."""


@dataclass(frozen=True)
class Step:
    """One allowed change. ``who``: the parties that may make it (see
    ``Table.parties``); None lets anyone who may change the record."""

    source: str
    target: str
    who: frozenset | None = None
    needs_reason: bool = False
    needs_outcome: bool = False


# What each refusal says unless a table says otherwise; lazy, so each reader
# gets her own language.
MESSAGES = {
    "unknown": _("Unknown status."),
    "refused": _("That change is not allowed."),
    "not_yours": None,  # the table's "refused" message
    "reason": _("Please give a reason."),
    "outcome": _("Please record the outcome for the person."),
}


class Table:
    """The allowed steps of one status machine.

    ``statuses`` is the TextChoices of the status field (labels for messages);
    ``parties(user, record)`` names the sides the user acts for. ``messages``
    override ``MESSAGES`` by key; they may use ``%(status)s`` and ``%(to)s``
    (the lower-cased labels of the current and the asked-for status).
    """

    def __init__(self, steps, *, statuses, parties=None, field="status", **messages):
        unknown = {k for k in messages if k not in MESSAGES}
        if unknown:
            raise TypeError(f"Unknown messages: {', '.join(sorted(unknown))}")
        self.steps = {(s.source, s.target): s for s in steps}
        self.statuses = statuses
        self.parties = parties
        self.field = field
        self.messages = {**MESSAGES, **messages}
        self.messages["not_yours"] = messages.get("not_yours") or self.messages["refused"]

    def _may(self, step, user, record, parties=None):
        if step.who is None:
            return True
        if parties is None:
            parties = self.parties(user, record)
        return bool(step.who & parties)

    def allowed(self, user, record):
        """The statuses ``user`` may move ``record`` to, in table order."""
        current = getattr(record, self.field)
        candidates = [s for (source, _to), s in self.steps.items() if source == current]
        parties = None
        if any(s.who is not None for s in candidates):
            parties = self.parties(user, record)
        return [s.target for s in candidates if self._may(s, user, record, parties)]

    def check(self, user, record, to, *, reason="", outcome=""):
        """The step from ``record``'s status to ``to``; Refused if there is none,
        it is not ``user``'s to make, or it lacks its reason or outcome."""
        current = getattr(record, self.field)
        if to not in self.statuses.values:
            self._refuse("unknown", current, to)
        step = self.steps.get((current, to))
        if step is None:
            self._refuse("refused", current, to)
        if not self._may(step, user, record):
            self._refuse("not_yours", current, to)
        if step.needs_reason and not reason.strip():
            self._refuse("reason", current, to)
        if step.needs_outcome and not outcome.strip():
            self._refuse("outcome", current, to)
        return step

    def _refuse(self, which, current, to):
        labels = dict(self.statuses.choices)
        names = {
            "status": str(labels.get(current, current)).lower(),
            "to": str(labels.get(to, to)).lower(),
        }
        raise Refused(self.messages[which] % names)


def actor_label(user):
    """The name an event keeps of who made the change, as it was then."""
    return user.get_full_name() or user.username


class StatusEvent(PersonalDataModel):
    """One change of a record's status: from, to, why, by whom, when. Never
    edited. A concrete event adds the foreign key to its record (and its
    access paths); ``reason_field`` names the column the reason goes to."""

    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    reason = EncryptedField(blank=True)
    actor_label = models.CharField(max_length=200)
    at = models.DateTimeField(default=timezone.now)

    reason_field = "reason"

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    @classmethod
    def record(cls, user, before, to, reason="", **subject):
        """Write the event of ``user`` moving a record from ``before`` to ``to``."""
        return cls.objects.create(
            from_status=before,
            to_status=to,
            actor_label=actor_label(user),
            created_by=user,
            **{cls.reason_field: reason},
            **subject,
        )
