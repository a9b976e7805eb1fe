"""The application form as a PDF, in English, Hindi or Bengali, filled from
the claim and ready to sign or thumb-print. Bengali is not yet a language of
the site: the form's own labels have a Bengali catalogue in
sangam/compensation/locale/bn, activated for the PDF only."""

from django.utils import timezone

from sangam.directory.pdf import render_pdf


def render_application(claim, survivor, language):
    """``survivor``: her record as far as the reader may see it (None: not shared)."""
    from sangam.compensation import workflow

    low, high = workflow.award_range(claim)
    return render_pdf(
        "compensation/application.html",
        {
            "claim": claim,
            "survivor": survivor,
            "harms": list(claim.harms.all()),
            "range": (low, high),
            "language": language,
            "today": timezone.localdate(),
        },
    )
