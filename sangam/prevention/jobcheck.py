"""The safe migration centre's job-offer check: red flags the framework and
the Trafficking of Persons Bill's advisories name, what to tell the migrant
about each, and the overall advice."""

from django.utils.translation import gettext_lazy as _

RED_FLAGS = {
    "advance_fee": _("The agent asks for money before the job starts"),
    "no_contract": _("There is no written contract or appointment letter"),
    "employer_unknown": _("The employer's name or address is not known"),
    "documents_kept": _("The agent will keep Aadhaar, passport or other documents"),
    "travel_debt": _("Travel and food are 'paid' and must be worked off"),
    "wage_too_good": _("The wage is far above what such work pays"),
    "under_18": _("The person going is under 18"),
    "unlicensed": _("The agent has no licence, or it cannot be checked"),
    "no_phone": _("They will not be allowed to keep a phone or call home"),
    "alone_far": _("A girl or woman is to travel alone with the agent"),
}

ADVICE_PER_FLAG = {
    "advance_fee": _("Do not pay anyone for a job. Legal recruiters are paid by the employer."),
    "no_contract": _("Ask for a written contract with wage, hours, employer and address."),
    "employer_unknown": _("Get the employer's name, address and phone; the CRP will verify it."),
    "documents_kept": _("Never hand over your documents. Keep photocopies with your family."),
    "travel_debt": _("Debts to be worked off are how bonded labour starts: refuse."),
    "wage_too_good": _("Offers far above the going wage are a common lure: verify first."),
    "under_18": _("Children may not be taken for work. Inform Childline 1098."),
    "unlicensed": _("Check the agent in the registry and with the labour department."),
    "no_phone": _("Agree a day each month to call home; give the CRP your number."),
    "alone_far": _("Travel with someone you trust, and register the journey with the CRP."),
}


class Advice:
    DO_NOT_GO = "do_not_go"
    VERIFY = "verify"
    SAFER = "safer"


ADVICE_LABELS = {
    Advice.DO_NOT_GO: _("Do not go with this offer"),
    Advice.VERIFY: _("Verify before going"),
    Advice.SAFER: _("No red flags found; register the journey and keep in touch"),
}

# Any one of these is enough to advise against going.
SERIOUS = {"under_18", "documents_kept", "travel_debt", "advance_fee"}


def advise(flags):
    flags = set(flags)
    if flags & SERIOUS or len(flags) >= 3:
        return Advice.DO_NOT_GO
    if flags:
        return Advice.VERIFY
    return Advice.SAFER
