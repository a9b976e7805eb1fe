"""The application form as a PDF, in English, Hindi or Bengali, filled from
the claim and ready to sign or thumb-print. Bengali is not yet a language of
the site, so the form's own labels are data (application_labels.json: one
entry per label, in each language the form is printed in) rather than
entries of the site's catalogues."""

import json
from functools import cache
from pathlib import Path

from django.utils import timezone

from sangam.directory.pdf import render_pdf

LABELS = Path(__file__).resolve().parent / "application_labels.json"
LANGUAGES = ("en", "hi", "bn")


@cache
def _labels():
    return json.loads(LABELS.read_text(encoding="utf-8"))


def labels(language):
    return {key: texts[language] for key, texts in _labels().items()}


def render_application(claim, survivor, language, agencies=(), fir_number=""):
    """``survivor``: her record as far as the reader may see it (None: not
    shared); ``agencies`` and ``fir_number``: as far as the reader may see
    them (the FIR number may be her police case's)."""
    from sangam.compensation import workflow

    low, high = workflow.award_range(claim)
    return render_pdf(
        "compensation/application.html",
        {
            "claim": claim,
            "survivor": survivor,
            "harms": list(claim.harms.all()),
            "agencies": agencies,
            "fir_number": fir_number or claim.fir_number,
            "range": (low, high),
            "language": language,
            "labels": labels(language),
            "today": timezone.localdate(),
        },
    )
