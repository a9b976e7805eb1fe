"""Accused networks: keys, proposed links and the network of a case.

Each accused record (and each recruiter in the registry) is kept as keyed
digests of its names, phones and vehicles (``NetworkKey``). Names go
through the matching engine's cross-script folding (matching/names.py):
রাকেশ শর্মা, Rakesh Sharma and Sharma Rakesh make one key. Two holders of
one digest, in different cases, are proposed as linked; an officer
confirms or rejects, and only confirmed links make a network.

The join is one SQL statement over the digests (an equi-join on an
indexed column, on SQLite and PostgreSQL alike), so a national run never
decrypts a name: benchmarks/justice_networks.py runs it over 1,000,000
accused.
"""

import re
from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone

from sangam.audit import log
from sangam.core.access import SYSTEM
from sangam.core.crypto import token_digest
from sangam.justice.models import Accused, AccusedLink, KeyKind, NetworkKey, Proceeds
from sangam.matching import names
from sangam.matching.models import Review

# A key held by more than this many records says little about who someone
# is (a common name, a shop's phone, a taxi stand's number): it links nobody.
COMMON = 25
# Names are shared by strangers far more often than phones: a name key held
# by more than this many records links nobody (tuned on seed 1 of
# benchmarks/justice_networks.py; see docs/justice.md for other seeds).
COMMON_NAME = 5
# How much one shared key of each kind says; several combine as independent.
WEIGHT = {KeyKind.PHONE: 0.9, KeyKind.VEHICLE: 0.8, KeyKind.NAME: 0.5}
BATCH = 5000


def name_key(text):
    """Two or more meaningful words, folded across scripts, vowels dropped,
    in sorted order (initial-first, surname-first and the father's name
    as surname agree); a final h after a vowel dropped (Anitah)."""
    parts = [w for w in names.words(text) if len(w) > 1]
    if len(parts) < 2:
        return None
    return " ".join(sorted(names.consonants(re.sub(r"(?<=[aeiou])h$", "", w)) for w in parts))


def phone_key(text):
    digits = re.sub(r"\D", "", text or "")
    return digits[-10:] if len(digits) >= 10 else None


def vehicle_key(text):
    plate = re.sub(r"[^0-9A-Z]", "", (text or "").upper())
    return plate if len(plate) >= 6 else None


def keys(*, names_=(), phones=(), vehicles=()):
    found = {(KeyKind.NAME, name_key(n)) for n in names_}
    found |= {(KeyKind.PHONE, phone_key(p)) for p in phones}
    found |= {(KeyKind.VEHICLE, vehicle_key(v)) for v in vehicles}
    return {(kind, token_digest(f"{kind}:{key}")) for kind, key in found if key}


def keys_of_accused(accused):
    return keys(
        names_=[accused.name, *(accused.aliases or [])],
        phones=accused.phones or [],
        vehicles=accused.vehicles or [],
    )


def index(accused):
    """Re-key one accused record (after a save)."""
    NetworkKey.objects.filter(accused=accused).delete()
    NetworkKey.objects.bulk_create(
        NetworkKey(accused_id=accused.pk, case_id=accused.case_id, kind=kind, digest=digest)
        for kind, digest in keys_of_accused(accused)
    )


def index_all():
    """Re-key every accused record, in batches (decrypting each once)."""
    count = 0
    accused = Accused.objects.restrict(SYSTEM).values_list(
        "pk", "case_id", "name", "aliases", "phones", "vehicles"
    )
    with transaction.atomic():
        NetworkKey.objects.filter(accused__isnull=False).delete()
        rows = []
        for pk, case, name, aliases, phones, vehicles in accused.order_by("pk").iterator(
            chunk_size=BATCH
        ):
            found = keys(
                names_=[name, *(aliases or [])], phones=phones or [], vehicles=vehicles or []
            )
            rows += [
                {"accused_id": pk, "case_id": case, "kind": kind, "digest": digest}
                for kind, digest in found
            ]
            count += 1
            if len(rows) >= BATCH:
                _insert(NetworkKey, rows)
                rows = []
        _insert(NetworkKey, rows)
    return count


def _insert(model, rows):
    """Insert rows (dicts of column values; the rest take their defaults)
    with one prepared statement per batch. bulk_create builds a model and
    its SQL per row: ten times slower over a million."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    now = timezone.now()
    defaults = {
        f.attname: now
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        else f.get_default()  # "" for a text field, None for a nullable one
        for f in fields
    }
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(f.column) for f in fields)

    def values(row):
        return [
            f.get_db_prep_save(row.get(f.attname, defaults[f.attname]), connection) for f in fields
        ]

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: a million keys in seconds, where INSERTs take a minute.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(values(row))
            return now
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"  # noqa: S608
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, [values(row) for row in rows[start : start + BATCH]])
    return now


def index_recruiters():
    """Re-key the registry (small: a few thousand agents at most)."""
    from sangam.prevention.models import Recruiter

    NetworkKey.objects.filter(recruiter__isnull=False).delete()
    rows = []
    for recruiter in Recruiter.objects.restrict(SYSTEM).only("pk", "name", "phone"):
        for kind, digest in keys(names_=[recruiter.name], phones=[recruiter.phone]):
            rows.append(NetworkKey(recruiter_id=recruiter.pk, kind=kind, digest=digest))
    NetworkKey.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _shared(accused_ids=None):
    """(accused, other accused, recruiter, kind, keys shared) for every pair
    holding a digest in common, in different cases; for ``accused_ids``
    only, when given."""
    # Only the table's own name and integer ids are formatted in; every
    # value is a parameter.
    table = connection.ops.quote_name(NetworkKey._meta.db_table)
    if accused_ids is None:
        if connection.vendor == "postgresql":
            # After a reindex the planner's statistics still describe the
            # old table; a plan for an empty one loops for hours.
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {table}")
        # The digests worth joining: held by two records or more, and by no
        # more than a key of their kind may be (a join, not NOT IN: at a
        # million records the common ones outgrow a hashed subplan).
        rare = (
            f"SELECT digest FROM {table} GROUP BY digest, kind "  # noqa: S608
            "HAVING COUNT(*) > 1 AND COUNT(*) <= CASE WHEN kind = %s THEN %s ELSE %s END"
        )
        source = f"({rare}) r JOIN {table} a ON a.digest = r.digest"
        mine = "TRUE"
        params = [KeyKind.NAME.value, COMMON_NAME, COMMON]
        order = "b.accused_id > a.accused_id"
    else:
        digests = list(
            NetworkKey.objects.filter(accused__in=accused_ids).values_list("digest", flat=True)
        )
        rare = _rare(digests)
        if not rare:
            return []
        ids = ", ".join(str(int(i)) for i in accused_ids)
        source = f"{table} a"
        mine = f"a.accused_id IN ({ids}) AND a.digest IN ({', '.join(['%s'] * len(rare))})"
        params = rare
        order = "b.accused_id <> a.accused_id"
    sql = f"""
        SELECT a.accused_id, b.accused_id, b.recruiter_id, a.kind, COUNT(*)
        FROM {source} JOIN {table} b ON b.digest = a.digest
        WHERE a.accused_id IS NOT NULL AND {mine}
          AND (b.recruiter_id IS NOT NULL OR ({order} AND b.case_id <> a.case_id))
        GROUP BY a.accused_id, b.accused_id, b.recruiter_id, a.kind
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _rare(digests):
    held = (
        NetworkKey.objects.filter(digest__in=set(digests))
        .values_list("digest", "kind")
        .order_by()
        .annotate(n=Count("pk"))
    )
    common = {d for d, kind, n in held if n > (COMMON_NAME if kind == KeyKind.NAME else COMMON)}
    return sorted(set(digests) - common)


def _score(levels):
    missed = 1.0
    for kind, n in levels.items():
        missed *= (1 - WEIGHT[kind]) ** n
    return round(1 - missed, 3)


@transaction.atomic
def propose(accused_ids=None):
    """Propose links from shared keys: new pairs become pending links,
    pending ones get their evidence refreshed, and pending ones whose
    evidence is gone (a phone corrected) are withdrawn. Decided links are
    left as the officer decided. Returns (proposed, withdrawn)."""
    evidence = defaultdict(dict)
    for accused, other, recruiter, kind, n in _shared(accused_ids):
        if other is not None and other < accused:
            accused, other = other, accused
        evidence[(accused, other, recruiter)][kind] = n
    links = AccusedLink.objects.restrict(SYSTEM)
    if accused_ids is not None:
        links = links.filter(Q(accused__in=accused_ids) | Q(other__in=accused_ids))
    existing = {
        (a, o, r): (pk, status, levels)
        for pk, a, o, r, status, levels in links.values_list(
            "pk", "accused_id", "other_id", "recruiter_id", "status", "levels"
        ).iterator(chunk_size=BATCH)
    }
    new, changed = [], []
    for pair, levels in evidence.items():
        found = existing.get(pair)
        if found is None:
            accused, other, recruiter = pair
            new.append(
                {
                    "accused_id": accused,
                    "other_id": other,
                    "recruiter_id": recruiter,
                    "levels": levels,
                    "score": _score(levels),
                }
            )
        elif found[1] == Review.PENDING and found[2] != levels:
            changed.append(AccusedLink(pk=found[0], levels=levels, score=_score(levels)))
    gone = [
        pk
        for pair, (pk, status, _levels) in existing.items()
        if status == Review.PENDING and pair not in evidence
    ]
    if new:
        made = _insert(AccusedLink, new)
        ids = (
            AccusedLink.objects.restrict(SYSTEM)
            .filter(created_at=made)
            .values_list("pk", flat=True)
        )
        log.record_changes("create", AccusedLink, list(ids))
    AccusedLink.objects.restrict(SYSTEM).bulk_update(changed, ["levels", "score"], batch_size=BATCH)
    for start in range(0, len(gone), BATCH):
        AccusedLink.objects.restrict(SYSTEM).filter(pk__in=gone[start : start + BATCH]).delete()
    return len(new), len(gone)


def relink(accused):
    """After an accused record was saved: its keys, then its proposals."""
    index(accused)
    return propose([accused.pk])


# --- Reading -------------------------------------------------------------


def links_of(user, accused_ids, **filters):
    return (
        AccusedLink.objects.restrict(user, "view")
        .filter(Q(accused__in=accused_ids) | Q(other__in=accused_ids), **filters)
        .select_related(
            "accused__case__police_station__district",
            "other__case__police_station__district",
            "recruiter",
        )
    )


def network(user, case):
    """The network of one case as the user may see it: its accused, the
    accused and recruiters confirmed linked to them, the cases and places
    they lead to, and the proceeds attached. Other agencies' accused are
    named only when the user may read them; otherwise the page says which
    station holds them. A fixed number of queries."""
    accused = list(Accused.objects.restrict(user, "view").filter(case=case))
    ids = {a.pk for a in accused}
    confirmed = list(links_of(user, ids, status=Review.CONFIRMED))
    others = {}
    recruiters = {}
    for link in confirmed:
        if link.recruiter_id:
            recruiters[link.recruiter_id] = link.recruiter
            continue
        far = link.other if link.accused_id in ids else link.accused
        if far.pk not in ids:
            others[far.pk] = far
    readable = set(
        Accused.objects.restrict(user, "view").filter(pk__in=others).values_list("pk", flat=True)
    )
    cases = {}
    for far in others.values():
        cases.setdefault(far.case_id, far.case)
    places = sorted({p for a in accused for p in a.places or []})
    places += sorted({p for pk, a in others.items() if pk in readable for p in a.places or []})
    return {
        "accused": accused,
        "links": confirmed,
        "others": [(a, a.pk in readable) for a in others.values()],
        "cases": list(cases.values()),
        "recruiters": list(recruiters.values()),
        "places": list(dict.fromkeys(places)),
        "proceeds": list(Proceeds.objects.restrict(user, "view").filter(case=case)),
    }


def decide(user, link, confirmed, reason=""):
    """An officer's decision on a proposed link: EditConflict if another
    officer decided first."""
    status = Review.CONFIRMED if confirmed else Review.REJECTED
    link.record_decision(status, reason, user)
    return link
