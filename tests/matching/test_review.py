"""Missing-person reports and rescued persons are matched as they are
recorded; reviewers see the candidates of their jurisdiction, names only
where they may see each record, and decide with a reason."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sangam.cases.models import Category
from sangam.core.access import SYSTEM
from sangam.matching import registers
from sangam.matching.models import CandidateMatch, Restoration
from tests.conftest import make_consent
from tests.matching.conftest import found, missing

TODAY = timezone.localdate()


def test_a_report_is_matched_to_a_survivor_written_in_bengali(
    malda, client, django_capture_on_commit_callbacks
):
    survivor = found(malda, "মৌসুমী খাতুন")
    found(malda, "Rina Das (synthetic)", age=30)
    client.force_login(malda["police"])
    # The police make the report; matching runs when it is saved.
    form = {"village": malda["village"].pk, "register_no": "MP-7", "name": "Mousumi Khatun",
            "sex": "female", "age": "14", "date_missing": (TODAY - timedelta(days=400)).isoformat(),
            "language": "Bengali", "status": "missing"}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/prevention/missing/new/", form).status_code == 302
    best = CandidateMatch.objects.restrict(SYSTEM).order_by("-score").first()
    assert best.survivor == survivor and best.score > 0.5
    assert best.levels["name"] > 0 and best.levels["age"] > 0
    page = client.get("/matching/review/").content.decode()
    assert "Mousumi Khatun" in page and "মৌসুমী খাতুন" in page
    page = client.get(f"/matching/review/{best.pk}/").content.decode()
    assert "Other reports that could be the same person share that chance" in page
    assert "this is candidate 1 for her or him" in page


def test_a_survivor_registered_later_is_matched_to_the_open_report(malda, client):
    person = missing(malda["village"], "Mousumi Khatun")
    survivor = found(malda, "মৌসুমী খাতুন")
    registers.run(survivor_ids=[survivor.pk])
    assert (
        CandidateMatch.objects.restrict(SYSTEM)
        .filter(missing_person=person, survivor=survivor)
        .exists()
    )


def test_the_queue_shows_only_what_the_reviewer_may_see(malda, client):
    child = missing(malda["village"], "Mousumi Khatun", age=14)
    adult = missing(malda["village"], "Sumitra Mondal", age=25)
    found(malda, "মৌসুমী খাতুন", age=15)
    found(malda, "সুমিত্রা মণ্ডল", age=26, consent=False)
    registers.run()
    assert CandidateMatch.objects.restrict(SYSTEM).count() >= 2

    client.force_login(malda["police"])
    page = client.get("/matching/review/").content.decode()
    assert "মৌসুমী খাতুন" in page
    # No consent for the police: the candidate tells nothing, not even that
    # someone like the girl they reported was found.
    assert "সুমিত্রা মণ্ডল" not in page and "Sumitra Mondal" not in page
    hidden = CandidateMatch.objects.restrict(SYSTEM).filter(missing_person=adult).first()
    assert client.get(f"/matching/review/{hidden.pk}/").status_code == 404

    client.force_login(malda["cwc"])  # children only
    page = client.get("/matching/review/").content.decode()
    assert "Mousumi Khatun" in page and "Sumitra Mondal" not in page
    # Though the CWC may see both adults, her candidate page by its id is
    # refused too: adults are not the CWC's to review.
    make_consent(hidden.survivor, malda["shelter"], malda["worker"], "cwc", Category.IDENTITY)
    assert client.get(f"/matching/review/{hidden.pk}/").status_code == 404

    client.force_login(malda["delhi_police"])  # another district: nothing
    assert "Nothing to review." in client.get("/matching/review/").content.decode()
    pk = CandidateMatch.objects.restrict(SYSTEM).filter(missing_person=adult).first().pk
    assert client.get(f"/matching/review/{pk}/").status_code == 404
    assert child  # both reports exist


def test_confirming_links_the_records_and_starts_a_childs_restoration(malda, client):
    person = missing(malda["village"], "Mousumi Khatun")
    other = found(malda, "Mousumi Khatoon", age=15)
    survivor = found(malda, "মৌসুমী খাতুন")
    registers.run()
    candidate = CandidateMatch.objects.restrict(SYSTEM).get(missing_person=person,
                                                            survivor=survivor)  # fmt: skip
    client.force_login(malda["police"])
    response = client.post(f"/matching/review/{candidate.pk}/", {"decision": "confirm"})
    assert "This field is required." in response.content.decode()  # a reason is required
    response = client.post(
        f"/matching/review/{candidate.pk}/",
        {"decision": "confirm", "reason": "Mother identified her from a photograph"},
    )
    restoration = Restoration.objects.restrict(SYSTEM).get()
    assert response["Location"] == f"/matching/restorations/{restoration.pk}/"
    candidate.refresh_from_db()
    assert (candidate.status, candidate.reviewed_by) == ("confirmed", malda["police"])
    person.refresh_from_db()
    assert person.status == "traced"
    rest = CandidateMatch.objects.restrict(SYSTEM).filter(survivor=other, missing_person=person)
    assert all(c.status == "rejected" for c in rest)
    # A later run never reopens a decided pair.
    registers.run()
    candidate.refresh_from_db()
    assert candidate.status == "confirmed"

    # The CWC records the steps in order.
    client.force_login(malda["cwc"])
    page = client.get(f"/matching/restorations/{restoration.pk}/").content.decode()
    assert "Next: home verification ordered" in page
    bad = client.post(f"/matching/restorations/{restoration.pk}/", {
        "home_verification_ordered_on": TODAY.isoformat(),
        "home_verification_report_on": (TODAY - timedelta(days=3)).isoformat(),
        "version": restoration.version,
    })  # fmt: skip
    assert "cannot come before an earlier one" in bad.content.decode()
    client.post(f"/matching/restorations/{restoration.pk}/", {
        "home_verification_ordered_on": TODAY.isoformat(), "version": restoration.version,
    })  # fmt: skip
    restoration.refresh_from_db()
    assert restoration.home_verification_ordered_on == TODAY


def test_rejecting_keeps_the_report_open(malda, client):
    person = missing(malda["village"], "Mousumi Khatun")
    found(malda, "মৌসুমী খাতুন")
    registers.run()
    candidate = CandidateMatch.objects.restrict(SYSTEM).get()
    client.force_login(malda["police"])
    client.post(f"/matching/review/{candidate.pk}/",
                {"decision": "reject", "reason": "Different mother's name"})  # fmt: skip
    candidate.refresh_from_db()
    person.refresh_from_db()
    assert candidate.status == "rejected" and person.status == "missing"
    assert not Restoration.objects.restrict(SYSTEM).exists()


def test_a_model_kept_before_the_comparisons_changed_is_not_used(malda):
    from sangam.matching.models import LinkageModel

    # A model of an older version: one comparison fewer, levels of another missing.
    LinkageModel.objects.create(
        parameters={"prior": 0.5, "m": {"name": [0.5, 0.5]}, "u": {"name": [0.5, 0.5]}},
        missing_count=1,
        found_count=1,
    )
    person = missing(malda["village"], "Mousumi Khatun")
    survivor = found(malda, "মৌসুমী খাতুন")
    registers.run(survivor_ids=[survivor.pk])
    best = CandidateMatch.objects.restrict(SYSTEM).get(missing_person=person)
    assert best.survivor == survivor and best.score > 0.5


def test_every_level_of_evidence_reads_in_words():
    from django.utils import translation

    from sangam.matching.evidence import FIELD_LABELS, LEVEL_LABELS
    from sangam.matching.settings import COMPARISONS

    for comparison in COMPARISONS:
        assert comparison.name in FIELD_LABELS
        for level in comparison.levels:
            assert level.label in LEVEL_LABELS, level.label
            # Whatever language an earlier test's request left active.
            with translation.override("en"):
                english = str(LEVEL_LABELS[level.label])
            with translation.override("hi"):
                assert str(LEVEL_LABELS[level.label]) != english, level.label


def test_a_second_reviewer_cannot_overwrite_a_decision_made_while_she_read(malda):
    from sangam.core.models import EditConflict
    from sangam.matching.models import Review

    person = missing(malda["village"], "Mousumi Khatun")
    survivor = found(malda, "মৌসুমী খাতুন")
    registers.run()
    theirs = CandidateMatch.objects.restrict(SYSTEM).get(missing_person=person, survivor=survivor)
    mine = CandidateMatch.objects.restrict(SYSTEM).get(pk=theirs.pk)  # read before they decide
    theirs.record_decision(Review.CONFIRMED, "Mother identified her", malda["police"])
    with pytest.raises(EditConflict):
        mine.record_decision(Review.REJECTED, "Ages differ", malda["cwc"])
    theirs.refresh_from_db()
    assert (theirs.status, theirs.reviewed_by) == (Review.CONFIRMED, malda["police"])
