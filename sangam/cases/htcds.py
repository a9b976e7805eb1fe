"""IOM Human Trafficking Case Data Standard (HTCDS) 2.0 vocabulary and columns.

Codes follow the HTCDS field definitions (methods of control, labour industry
ISIC tier 1, trafficking status); the lists HTCDS leaves open (type of
exploitation, method of recruitment, recruiter relationship) use the terms of
the IOM/CTDC data dictionary.
"""

from django.utils.translation import gettext_lazy as _

TRAFFICKING_STATUS = [
    ("possible", _("Possible victim of trafficking")),
    ("actual", _("Actual victim of trafficking")),
    ("not_victim", _("Not a victim of trafficking")),
]

EXPLOITATION_TYPES = [
    ("forced_labour", _("Forced labour")),
    ("sexual_exploitation", _("Sexual exploitation")),
    ("forced_marriage", _("Forced marriage")),
    ("domestic_servitude", _("Domestic servitude")),
    ("forced_begging", _("Forced begging")),
    ("forced_criminality", _("Forced criminal activity")),
    ("organ_removal", _("Removal of organs")),
    ("other", _("Other exploitation")),
]

METHODS_OF_CONTROL = [
    ("DebtBondage", _("Debt bondage")),
    ("TakesEarnings", _("Takes earnings")),
    ("RestrictsFinancialAccess", _("Restricts access to money")),
    ("Threats", _("Threats")),
    ("PsychologicalAbuse", _("Psychological abuse")),
    ("PhysicalAbuse", _("Physical abuse")),
    ("SexualAbuse", _("Sexual abuse")),
    ("FalsePromises", _("False promises")),
    ("PsychoactiveSubstances", _("Psychoactive substances")),
    ("RestrictsMovement", _("Restricts movement")),
    ("RestrictsMedicalCare", _("Restricts medical care")),
    ("ExcessiveWorkingHours", _("Excessive working hours")),
    ("UsesChildren", _("Uses children")),
    ("ThreatOfLawEnforcement", _("Threat of law enforcement")),
    ("WithholdsNecessities", _("Withholds necessities")),
    ("WithholdsDocuments", _("Withholds documents")),
    ("Other", _("Other")),
]

LABOUR_INDUSTRY = [
    ("A_AgricultureForestryAndFishing", _("Agriculture, forestry and fishing")),
    ("B_MiningAndQuarrying", _("Mining and quarrying (incl. brick kilns' clay)")),
    ("C_Manufacturing", _("Manufacturing")),
    ("F_Construction", _("Construction")),
    ("G_WholesaleAndRetailTradeRepairOfMotorVehicles", _("Trade and repair")),
    ("H_TransportationAndStorage", _("Transport and storage")),
    ("I_AccommodationAndFoodServiceActivities", _("Hotels and food service")),
    ("N_AdministrativeAndSupportServiceActivities", _("Cleaning and support services")),
    ("R_ArtsEntertainmentAndRecreation", _("Arts, entertainment (incl. dance bars)")),
    ("S_OtherServiceActivities", _("Other services (incl. beauty, spa)")),
    ("T_ActivitiesOfHouseholdsAsEmployers", _("Domestic work")),
]

RECRUITMENT_METHODS = [
    ("job_offer", _("False job offer")),
    ("marriage", _("Promise of marriage or love")),
    ("education", _("Promise of education")),
    ("abduction", _("Abduction")),
    ("sold_by_family", _("Sold by family")),
    ("other", _("Other")),
]

RECRUITER_RELATIONSHIPS = [
    ("family", _("Family member")),
    ("intimate_partner", _("Intimate partner")),
    ("friend", _("Friend or acquaintance")),
    ("neighbour", _("Neighbour or villager")),
    ("employer", _("Employer")),
    ("agent", _("Placement agent or broker")),
    ("stranger", _("Stranger")),
    ("other", _("Other")),
]

# The HTCDS 2.0 spreadsheet's columns, in its order. Personal identifiers
# (names, birth date, contact) are left empty unless explicitly requested.
COLUMNS = [
    "cas_CaseOwner",
    "prs_Salutation",
    "prs_FirstName",
    "prs_SecondName",
    "con_Consent",
    "prs_Birthdate",
    "prs_Gender",
    "prs_Citizenship",
    "prs_Title",
    "prs_Email",
    "prs_HomePhone",
    "prs_MobilePhone",
    "prs_MailingCity",
    "prs_MailingCountry",
    "prs_MailingState",
    "prs_MailingStreet",
    "prs_MailingPostalCode",
    "vic_TraffickingStatus",
    "vic_TraffickinStatusDecisionMakingOrg",
    "vic_MethodOfRecruitment",
    "vic_LocationOfRecruitment",
    "vic_MethodsOfControl",
    "vic_TypeOfExploitation",
    "vic_ForcedLabourIndustry",
    "vic_TypeOfSexExploitation",
    "vic_LocationOfExploitation",
    "cas_Status",
    "cas_ReferringOrganisation",
    "cas_IncomingReferralDate",
    "cas_ReferringPrimaryCaseWorker",
    "cas_ReasonForIncomingReferral",
    "cas_IncomingReferralDetails",
    "cas_ReferredOrganisation",
    "cas_ReferredPrimaryCaseWorker",
    "cas_OutgoingReferralDate",
    "cas_OutgoingReferralDetails",
    "cas_ReasonForCaseClosure",
]
IDENTIFIERS = {
    "prs_Salutation",
    "prs_FirstName",
    "prs_SecondName",
    "prs_Birthdate",
    "prs_Email",
    "prs_HomePhone",
    "prs_MobilePhone",
    "prs_MailingStreet",
    "prs_MailingPostalCode",
    "prs_MailingCity",
    "cas_CaseOwner",
    "cas_ReferringPrimaryCaseWorker",
    "cas_ReferredPrimaryCaseWorker",
}
