"""Fail-closed access to personal data.

Every model that holds personal data uses ``RestrictedQuerySet``. A queryset
must be narrowed with ``.restrict(user, action)`` before it is evaluated;
evaluating one that was not raises ``UnrestrictedQuery``. What a user may see
is the union, over the user's active memberships, of what the membership's
role is granted for the model and action, at the granted scope:

- ``own``: records the user created;
- ``assigned``: records of the user's agency the user is assigned to;
- ``agency``: records of the membership's agency;
- ``jurisdiction``: records located in the agency's state or district;
- ``all``: every record;
- ``consent``: survivor data of survivors the user's agency serves, only
  where the survivor consented to that kind of agency seeing it (even
  within the agency that wrote it: counselling notes for non-counsellors);
- ``serving``: records of survivors whose open case is with the user's
  agency (who writes what is hers: her identity, her consents);
- ``orders``: as ``serving``, and children in the care of the agency's CWC
  in its jurisdiction (a CWC records consent for a child by order).
  ``serving`` and ``orders`` are supplied by the case-management capability
  (``register_scope``); until it registers them they match nothing.

Grants are data (``sangam/<app>/permissions.py``, a ``GRANTS`` dict). Models
describe where their owner, agency, district and assignment live with
``AccessPaths``. Survivor data additionally passes the consent hook: access
beyond the user's own agency requires the survivor's consent, which the
case-management capability supplies; until a consent provider is registered
such access is refused. Consent lets an agency *see*, never *write*: adding,
changing or deleting survivor data is granted only on the user's own
agency's records (or through the ``serving`` and ``orders`` scopes), whatever
the scope of the grant.
"""

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import reduce
from operator import or_

from django.db import models, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from sangam.core.areas import any_of as _any
from sangam.core.areas import area_q, covers

VIEW, ADD, CHANGE, DELETE, EXPORT = "view", "add", "change", "delete", "export"
ACTIONS = (VIEW, ADD, CHANGE, DELETE, EXPORT)
WRITES = (ADD, CHANGE, DELETE)
# Scopes whose records a capability supplies (register_scope).
PROVIDED_SCOPES = ("serving", "orders")
SCOPES = ("own", "assigned", "agency", "jurisdiction", "all", "consent", *PROVIDED_SCOPES)


class UnrestrictedQuery(Exception):
    """A queryset of personal data was evaluated without .restrict(user, action)."""


class SystemActor:
    """Sangam itself acting: migrations, seeding, scheduled commands, tasks.

    Passing SYSTEM to .restrict() is explicit and greppable, unlike a bypass.
    """

    is_authenticated = True
    is_active = True
    pk = None
    username = "system"

    def __str__(self):
        return "system"


SYSTEM = SystemActor()

# Framework internals (unique checks, cascades) that query through the default
# manager run inside system_context().
_system_context = contextvars.ContextVar("sangam_system_context", default=False)


@contextmanager
def system_context():
    token = _system_context.set(True)
    try:
        yield
    finally:
        _system_context.reset(token)


@dataclass(frozen=True)
class AccessPaths:
    """Where a model keeps the fields access is decided on (ORM lookup paths)."""

    # agency, district and state may name several paths (a referral belongs to
    # its sender and its receiver): a record matches through any of them.
    owner: str | None = None
    agency: str | tuple[str, ...] | None = None
    district: str | tuple[str, ...] | None = None
    state: str | tuple[str, ...] | None = None
    # Village records (prevention registers): a block-level agency's
    # jurisdiction is its block, where the model says where its block is.
    block: str | None = None
    assignment: str | None = None
    survivor_data: bool = False
    # For survivor data: where the agencies serving the survivor are (one
    # path or several). Staff of such an agency see another agency's record
    # of the survivor (her story, another agency's case) only with her consent.
    involvement: str | tuple[str, ...] | None = None
    # Paths cross a to-many relation: filter by primary key to avoid duplicates.
    through_many: bool = False

    def through(self, relation):
        """The paths of a record that belongs to one ``relation`` whose paths
        these are (a release's status events): each path reached through it,
        and the record's own creator as its owner."""

        def prefixed(path):
            if path is None:
                return None
            if isinstance(path, tuple):
                return tuple(f"{relation}__{p}" for p in path)
            return f"{relation}__{path}"

        return replace(
            self,
            owner="created_by",
            **{
                name: prefixed(getattr(self, name))
                for name in ("agency", "district", "state", "block", "assignment", "involvement")
            },
        )


_grants: dict[str, dict[str, dict[str, str]]] = {}
_consent_provider = None
_scope_providers: dict = {}


def load_grants():
    """Collect GRANTS from every app's permissions module (at app start)."""
    from importlib import import_module

    from django.apps import apps

    _grants.clear()
    clear_plans()
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.permissions")
        except ModuleNotFoundError:
            continue
        for label, by_role in getattr(module, "GRANTS", {}).items():
            for role, actions in by_role.items():
                for action, scope in actions.items():
                    if action not in ACTIONS or scope not in SCOPES:
                        raise ValueError(f"bad grant {label}/{role}/{action}/{scope}")
                _grants.setdefault(label, {})[str(role)] = dict(actions)


def scope_for(role, label, action):
    return _grants.get(label, {}).get(str(role), {}).get(action)


def register_consent_provider(provider):
    """provider(user, membership, model, action) -> Q of records the survivor
    consented to share with that membership's agency for that action."""
    global _consent_provider
    _consent_provider = provider
    clear_plans()


def register_scope(name, provider):
    """provider(user, membership, model) -> Q of the records scope ``name``
    covers for that membership (one of PROVIDED_SCOPES), or None for none."""
    if name not in PROVIDED_SCOPES:
        raise ValueError(f"unknown provided scope {name}")
    _scope_providers[name] = provider
    clear_plans()


def _scope_q(paths, scope, user, membership, model):
    if scope == "all":
        return Q()
    if scope == "own":
        return Q(**{paths.owner: user.pk}) if paths.owner else None
    if scope == "assigned":
        if not (paths.assignment and paths.agency):
            return None
        return Q(**{paths.assignment: user.pk}) & _any(paths.agency, membership.agency_id)
    if scope == "agency":
        return _any(paths.agency, membership.agency_id) if paths.agency else None
    if scope == "jurisdiction":
        return area_q(
            membership.agency, state=paths.state, district=paths.district, block=paths.block
        )
    if scope == "consent":
        return _any(paths.involvement, membership.agency_id) if paths.involvement else None
    if scope in PROVIDED_SCOPES:
        return provided_scope_q(scope, user, membership, model)
    return None


def provided_scope_q(scope, user, membership, model):
    """The Q of a provided scope over ``model``, or None (nothing)."""
    provider = _scope_providers.get(scope)
    return provider(user, membership, model) if provider else None


def q_for(user, model, action):
    """The Q of records ``user`` may ``action`` on ``model``; None means nothing."""
    if user is SYSTEM:
        return Q()
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    paths = model.access_paths
    label = model._meta.label_lower
    clauses = []
    for membership in user.active_memberships():
        scope = scope_for(membership.role, label, action)
        if scope is None:
            continue
        clause = _scope_q(paths, scope, user, membership, model)
        if clause is None:
            continue
        if paths.survivor_data and paths.agency and action in WRITES:
            # Consent to see is never a right to write: beyond the records
            # the provided scopes name, only the user's own agency's records.
            if scope not in PROVIDED_SCOPES:
                clause = clause & _any(paths.agency, membership.agency_id)
        elif paths.survivor_data and paths.agency:
            # Beyond the user's own agency, survivor data needs consent.
            own = _any(paths.agency, membership.agency_id)
            shared = (
                _consent_provider(user, membership, model, action)
                if _consent_provider
                else Q(pk__in=[])
            )
            if scope == "consent":
                clause = clause & shared
            elif scope in ("jurisdiction", "all", *PROVIDED_SCOPES):
                # Provided scopes grant writes; to see, they too need consent.
                clause = clause & (own | shared)
            elif scope == "agency" and paths.involvement:
                involved = _any(paths.involvement, membership.agency_id)
                clause = own | (involved & shared)
        clauses.append(clause)
    if not clauses:
        return None
    return reduce(or_, clauses)


def can(user, model, action):
    """Whether ``user`` holds any grant for ``action`` on ``model`` at all.

    Decided from the grants alone, without building the query (and the
    consent subqueries) that q_for would: menus ask this on every page.
    """
    if user is SYSTEM:
        return True
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return any(
        _scope_q(model.access_paths, scope, user, m, model) is not None
        for m in memberships_granted(user, model, action)
        for scope in [scope_for(m.role, model._meta.label_lower, action)]
    )


def memberships_granted(user, model, action):
    """The user's active memberships whose role holds a grant for ``action`` on ``model``."""
    label = model._meta.label_lower
    return [m for m in user.active_memberships() if scope_for(m.role, label, action)]


# Compiled restriction subqueries, keyed by everything q_for reads: building
# and compiling the consent-checked query costs more than running it on a
# detail page. Only the SQL is kept, never rows: revoked consent and changed
# assignments still take effect on the next query.
_plans: dict = {}
PLAN_CACHE_SIZE = 4096


def _plan_key(user, model, action, alias):
    return (
        alias,
        model._meta.label_lower,
        action,
        user.pk,
        timezone.localdate(),  # consent validity is compared with today
        tuple(
            (m.pk, m.role, m.agency_id, m.agency.type, m.agency.jurisdiction_level)
            + (m.agency.state_id, m.agency.district_id, m.agency.block_id)
            for m in user.active_memberships()
        ),
    )


def _restriction_subquery(qs, user, action):
    """``SELECT pk FROM model WHERE <what user may action>`` as raw SQL, or None."""
    model = qs.model
    key = _plan_key(user, model, action, qs.db)
    plan = _plans.get(key)
    if plan is None:
        q = q_for(user, model, action)
        if q is None:
            plan = (None, None)
        else:
            # One indexed SELECT per alternative, united: an OR across joined
            # tables would make the database scan every row.
            parts = []
            for branch in _alternatives(q):
                inner = model._base_manager.using(qs.db).filter(branch).order_by().values("pk")
                parts.append(inner.query.get_compiler(using=qs.db).as_sql())
            plan = (
                " UNION ".join(sql for sql, _ in parts),
                tuple(p for _, ps in parts for p in ps),
            )
        if len(_plans) >= PLAN_CACHE_SIZE:
            _plans.clear()
        _plans[key] = plan
    sql, params = plan
    # Compiled by Django from the ORM query above; values stay parameters.
    return None if sql is None else RawSQL(sql, params)  # noqa: S611


def _alternatives(q):
    """``q`` rewritten as alternatives without OR at the top (disjunctive form)."""
    if not isinstance(q, Q):
        return [Q(q)]
    if q.negated:
        return [q]
    parts = [_alternatives(child) for child in q.children]
    if q.connector == Q.OR:
        return [alt for part in parts for alt in part]
    combined = [Q()]
    for part in parts:
        combined = [a & b for a in combined for b in part]
    return combined


def clear_plans():
    _plans.clear()


# Rows one UPDATE names by id (well below SQLite's limit of bound values).
WRITE_CHUNK = 2000
# Set while a bulk write that logs itself runs the updates it is made of.
_logging_bulk_write = contextvars.ContextVar("sangam_logging_bulk_write", default=False)


class ScopedQuerySet(models.QuerySet):
    """Has .restrict() but may also be used unrestricted (non-personal data
    such as agencies, whose edits are still scoped by grants)."""

    _restricted = False

    # Writes that bypass Model.save() are change-logged too, on models that
    # say how (ChangeLoggedModel.log_bulk_write): ids and field names only.
    def update(self, **kwargs):
        log_write = getattr(self.model, "log_bulk_write", None)
        if log_write is None or _logging_bulk_write.get():
            return super().update(**kwargs)
        with transaction.atomic(using=self.db):
            # The rows are read first and updated by id (and the original
            # filter), so the entries name exactly the rows that can change.
            ids = list(self.order_by().values_list("pk", flat=True))
            count = 0
            for i in range(0, len(ids), WRITE_CHUNK):
                chunk = self.filter(pk__in=ids[i : i + WRITE_CHUNK])
                count += models.QuerySet.update(chunk, **kwargs)
            log_write("update", ids, kwargs)
        return count

    update.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        log_write = getattr(self.model, "log_bulk_write", None)
        if log_write is None:
            return super().bulk_create(objs, *args, **kwargs)
        objs = list(objs)
        conflicts = kwargs.get("ignore_conflicts") or kwargs.get("update_conflicts")
        with transaction.atomic(using=self.db):
            # On a conflict a row is skipped (or updated) but its object may
            # still carry an id (a UUID made in Python): ask the database.
            before = self._existing(objs) if conflicts else set()
            made = super().bulk_create(objs, *args, **kwargs)
            ids = [obj.pk for obj in made if obj.pk is not None]
            if conflicts:
                now = self._existing(made)
                if kwargs.get("update_conflicts"):
                    log_write("update", [pk for pk in ids if pk in before],
                              kwargs.get("update_fields") or ())  # fmt: skip
                ids = [pk for pk in ids if pk in now and pk not in before]
            log_write("create", ids)
        return made

    def _existing(self, objs):
        ids = [obj.pk for obj in objs if obj.pk is not None]
        base = self.model._base_manager.using(self.db)
        return {
            pk
            for i in range(0, len(ids), WRITE_CHUNK)
            for pk in base.filter(pk__in=ids[i : i + WRITE_CHUNK]).values_list("pk", flat=True)
        }

    def bulk_update(self, objs, fields, *args, **kwargs):
        log_write = getattr(self.model, "log_bulk_write", None)
        if log_write is None:
            return super().bulk_update(objs, fields, *args, **kwargs)
        objs = list(objs)
        token = _logging_bulk_write.set(True)  # Django updates each batch with update()
        try:
            with transaction.atomic(using=self.db):
                count = super().bulk_update(objs, fields, *args, **kwargs)
                log_write("update", [obj.pk for obj in objs], fields)
        finally:
            _logging_bulk_write.reset(token)
        return count

    def restrict(self, user, action=VIEW):
        if user is SYSTEM:
            qs = self.all()
        elif self.model.access_paths.through_many and getattr(user, "is_authenticated", False):
            if not user.is_active:
                qs = self.none()
            else:
                subquery = _restriction_subquery(self, user, action)
                qs = self.none() if subquery is None else self.filter(pk__in=subquery)
        else:
            q = q_for(user, self.model, action)
            qs = self.none() if q is None else self.filter(q)
        qs._restricted = True
        return qs


class RestrictedQuerySet(ScopedQuerySet):
    def _clone(self):
        clone = super()._clone()
        clone._restricted = self._restricted
        return clone

    def _guard(self):
        if not self._restricted and not _system_context.get():
            raise UnrestrictedQuery(
                f"{self.model._meta.label} queryset used without .restrict(user, action)"
            )

    def _fetch_all(self):
        if self._result_cache is None:
            self._guard()
        super()._fetch_all()

    def iterator(self, *args, **kwargs):
        self._guard()
        return super().iterator(*args, **kwargs)

    def count(self):
        self._guard()
        return super().count()

    def exists(self):
        self._guard()
        return super().exists()

    def aggregate(self, *args, **kwargs):
        self._guard()
        return super().aggregate(*args, **kwargs)

    def update(self, **kwargs):
        self._guard()
        return super().update(**kwargs)

    def delete(self):
        self._guard()
        return super().delete()

    def in_bulk(self, *args, **kwargs):
        self._guard()
        return super().in_bulk(*args, **kwargs)


class RestrictedManager(models.Manager.from_queryset(RestrictedQuerySet)):
    pass


class ScopedManager(models.Manager.from_queryset(ScopedQuerySet)):
    pass


def allowed_to_create(user, model, *, district=None, agency=None):
    """Whether ``user`` may add a ``model`` record in ``district`` / for ``agency``."""
    if user is SYSTEM:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    if district is not None:
        where = {"district_id": district.pk, "state_id": district.state_id}
    elif agency is not None:
        where = {"district_id": agency.district_id, "state_id": agency.state_id}
    else:
        where = {}
    label = model._meta.label_lower
    for membership in user.active_memberships():
        scope = scope_for(membership.role, label, ADD)
        if scope == "all":
            return True
        if scope == "agency" and agency is not None and agency.pk == membership.agency_id:
            return True
        if scope == "jurisdiction" and covers(membership.agency, **where):
            return True
    return False
