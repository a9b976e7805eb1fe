"""The linkage engine on Sangam's own registers: open missing-person
reports against survivors (rescued and found persons).

A full run (``sangam matching run``, nightly) scores the whole registers,
estimates the model when they are large enough and keeps it; new reports
and newly registered survivors are scored as they arrive against the whole
other side with the kept model (``match_new``, a background task); a new
report is scored among all open reports, because a survivor's candidates
share the chance that one of them is her. Either
way candidates above the threshold are stored for review; a pair a human
has already decided is never reopened."""

from django.db import transaction

from sangam.core.access import SYSTEM
from sangam.matching import records
from sangam.matching.engines import ENGINES
from sangam.matching.linker import Linker, Model
from sangam.matching.models import CandidateMatch, LinkageModel, Review
from sangam.matching.settings import COMPARISONS

# Stored for review: low on purpose (a reviewer sees weak candidates too,
# ranked), but above the noise of a common name alone.
REVIEW_THRESHOLD = 0.2
MAX_RANK = 5  # per found person, only the best few candidates are kept


def _missing_rows(ids=None):
    from sangam.prevention.models import MissingPerson

    qs = (
        MissingPerson.objects.restrict(SYSTEM)
        .filter(status=MissingPerson.Status.MISSING)
        .select_related("village", "district", "district__state")
    )
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    for p in qs.iterator(chunk_size=2000):
        yield {
            "id": str(p.pk),
            "name": p.name,
            "sex": p.sex,
            "age": "" if p.age is None else str(p.age),
            "date_missing": p.date_missing.isoformat(),
            "father_name": p.father_name,
            "origin_state": p.district.state.name,
            "origin_district": p.district.name,
            "origin_village": p.village.name,
            "language": p.language,
        }


def _found_rows(ids=None):
    from sangam.cases.models import Survivor

    qs = Survivor.objects.restrict(SYSTEM).select_related("origin_state", "origin_district")
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    for s in qs.iterator(chunk_size=2000):
        day = s.age_recorded_on or s.created_at.date()
        names = [s.name, *(s.aliases or [])]
        for n, name in enumerate(names):
            yield {
                # Each spelling she gave is a record of her; candidates are
                # folded back to one per survivor when stored.
                "id": f"{s.pk}:{n}",
                "name": name,
                "sex": s.sex,
                "age": "" if s.estimated_age is None else str(s.estimated_age),
                "date_found": day.isoformat(),
                "father_name": "",
                "stated_state": s.origin_state.name if s.origin_state else "",
                "stated_district": s.origin_district.name if s.origin_district else "",
                "stated_village": s.origin_village,
                "found_state": "",
                "found_district": "",
                "language": (s.languages or "").split(",")[0],
            }


def _engine(name):
    # The registers are decrypted for the run: DuckDB keeps them in memory
    # only (no spill files). Spark (national scale) writes shuffle files to
    # its local folder: docs/operations.md, "Keys", says to keep it encrypted.
    return ENGINES[name](spill=False) if name == "duckdb" else ENGINES[name]()


def _side(rows, kind, seed):
    columns, _report = records.prepare(rows, kind)
    return records.number(columns, seed=seed) if columns["id"] else None


def run(missing_ids=None, survivor_ids=None, engine="duckdb", say=None):
    """Score missing persons against survivors and store candidates.
    With ids, only those records are scored (against the whole other side)
    with the kept model; without, the whole registers, and the model is
    re-estimated and kept. Returns the number of candidates stored."""
    incremental = missing_ids is not None or survivor_ids is not None
    # A survivor's candidates share the chance that one of them is her
    # (linker._score), so new reports are scored among all open reports;
    # only the survivors they are candidates for are stored again.
    left = _side(_missing_rows(), "missing", 0)
    right = _side(_found_rows(survivor_ids), "found", 1)
    if left is None or right is None:
        return 0
    kept = LinkageModel.objects.first() if incremental else None
    model = Model(**kept.parameters) if kept else None
    if model is not None and not model.fits():
        model = kept = None  # kept before the comparisons changed: estimate anew
    db = _engine(engine)
    try:
        linker = Linker(db, progress=say).run(left, right, model=model)
        pairs = {}
        for batch in linker.results(REVIEW_THRESHOLD, explain=True):
            for missing_id, found_id, score, _rank, *levels in batch:
                key = (int(missing_id), int(found_id.split(":")[0]))
                if key not in pairs or pairs[key][0] < score:
                    pairs[key] = (score, dict(zip([c.name for c in COMPARISONS], levels,
                                                  strict=True)))  # fmt: skip
        if missing_ids is not None:
            new = {int(i) for i in missing_ids}
            touched = {survivor for missing, survivor in pairs if missing in new}
            pairs = {key: value for key, value in pairs.items() if key[1] in touched}
        if not incremental or kept is None:
            LinkageModel.objects.create(
                parameters=linker.model.as_dict(),
                missing_count=len(left["id"]),
                found_count=len(right["id"]),
            )
    finally:
        db.close()
    return _store(pairs)


@transaction.atomic
def _store(pairs):
    """Keep each survivor's best MAX_RANK missing persons; leave decided pairs alone."""
    by_survivor = {}
    for (missing_id, survivor_id), (score, levels) in pairs.items():
        by_survivor.setdefault(survivor_id, []).append((score, missing_id, levels))
    existing = {
        (c.missing_person_id, c.survivor_id): c
        for c in CandidateMatch.objects.restrict(SYSTEM).filter(survivor_id__in=list(by_survivor))
    }
    stored = 0
    for survivor_id, found in by_survivor.items():
        found.sort(key=lambda f: -f[0])
        for rank, (score, missing_id, levels) in enumerate(found[:MAX_RANK], 1):
            current = existing.get((missing_id, survivor_id))
            if current is None:
                CandidateMatch.objects.create(
                    missing_person_id=missing_id,
                    survivor_id=survivor_id,
                    score=score,
                    rank=rank,
                    levels=levels,
                )
            elif current.status != Review.PENDING:
                continue  # decided by a human: never reopened
            elif (round(current.score, 6), current.rank, current.levels) != (
                round(score, 6),
                rank,
                levels,
            ):
                current.score, current.rank, current.levels = score, rank, levels
                current.save(update_fields=["score", "rank", "levels", "updated_at"])
            stored += 1
    return stored


def _people_rows():
    for row in _found_rows():
        yield {
            "id": row["id"],
            "name": row["name"],
            "sex": row["sex"],
            "age": row["age"],
            "date": row["date_found"],
            "father_name": "",
            "state": row["stated_state"],
            "district": row["stated_district"],
            "village": row["stated_village"],
            "language": row["language"],
        }


def find_duplicate_survivors(engine="duckdb", say=None):
    """Survivor records that may be one person (often at two agencies),
    stored for a human to merge or keep apart. Returns how many are waiting."""
    from sangam.matching.models import SurvivorDuplicate

    side = _side(_people_rows(), "people", 2)
    if side is None:
        return 0
    db = _engine(engine)
    try:
        linker = Linker(db, progress=say).run(side)
        pairs = {}
        names = [c.name for c in COMPARISONS]
        for batch in linker.results(REVIEW_THRESHOLD, explain=True):
            for a, b, score, _rank, *levels in batch:
                first, second = sorted((int(a.split(":")[0]), int(b.split(":")[0])))
                if first == second:
                    continue  # two spellings of one record
                if (first, second) not in pairs or pairs[(first, second)][0] < score:
                    pairs[(first, second)] = (score, dict(zip(names, levels, strict=True)))
    finally:
        db.close()
    with transaction.atomic():
        existing = {
            (d.first_id, d.second_id): d for d in SurvivorDuplicate.objects.restrict(SYSTEM)
        }
        for (first, second), (score, levels) in pairs.items():
            current = existing.get((first, second))
            if current is None:
                SurvivorDuplicate.objects.create(
                    first_id=first, second_id=second, score=score, levels=levels
                )
            elif current.status == Review.PENDING and (
                round(current.score, 6) != round(score, 6) or current.levels != levels
            ):
                current.score, current.levels = score, levels
                current.save(update_fields=["score", "levels", "updated_at"])
    return SurvivorDuplicate.objects.restrict(SYSTEM).filter(status=Review.PENDING).count()
