"""The household indicators the NRLM framework for preventing trafficking
names. (The entitlements at-risk households are fast-tracked to are the
entitlement catalogue's, versioned reference data in compensation.) Codes
are stable (they are column names, import headers and configuration keys);
labels are translated."""

from django.utils.translation import gettext_lazy as _

INDICATORS = {
    "extreme_poverty": _("Extreme poverty"),
    "landless": _("Landless"),
    "in_debt": _("In debt"),
    "breadwinner_lost": _("Death or illness of the breadwinner"),
    "crop_failure": _("Crop failure"),
    "disaster_loss": _("Loss in a disaster"),
    "frequent_migration": _("Frequent migration"),
    "alcoholism": _("Alcoholism"),
    "domestic_violence": _("Domestic violence"),
    "female_headed": _("Female-headed household"),
    "child_out_of_school": _("Child out of school"),
    "child_marriage_in_family": _("Child marriage in the family"),
    "member_missing": _("A member is missing"),
    "member_left_with_agent": _("A member left with an agent"),
}

# What a CRP can do next about each indicator (shown with at-risk women and
# girls; the framework's "fast-track to entitlements and livelihoods").
NEXT_STEPS = {
    "extreme_poverty": _("Antyodaya ration card, SHG membership and the risk-mitigation fund"),
    "landless": _("PMAY-G housing and MGNREGS job card"),
    "in_debt": _("SHG membership and the revolving fund instead of moneylenders"),
    "breadwinner_lost": _("Widow or disability pension; PM-JAY for treatment"),
    "crop_failure": _("MGNREGS work and crop-loss relief"),
    "disaster_loss": _("Disaster relief and PMAY-G housing"),
    "frequent_migration": _("Safe migration counselling; register every move"),
    "alcoholism": _("De-addiction referral; watch the women and children closely"),
    "domestic_violence": _("One Stop Centre (181) and protection officer"),
    "female_headed": _("Pension, SHG membership and skill training for the head"),
    "child_out_of_school": _("School or KGBV hostel admission and a scholarship"),
    "child_marriage_in_family": _(
        "Talk to the family; inform the Child Marriage Prohibition Officer"
    ),
    "member_missing": _("Make sure a police complaint is filed; keep the missing register current"),
    "member_left_with_agent": _(
        "Check the agent in the recruiter registry; keep monthly check-ins"
    ),
}
