"""IOM Human Trafficking Case Data Standard (HTCDS) 2.0 vocabulary and columns.

Two kinds of list live here. The choices Sangam records (``TRAFFICKING_STATUS``,
``EXPLOITATION_TYPES``, ``METHODS_OF_CONTROL``…) are the field's words, kept
as stored codes. The ``*_VALUES`` sets are HTCDS 2.0's own picklists ("Value
Names") as published in "HTCDS Field Standards 2.0" (UNMigration/HTCDS, CC BY
4.0, transcribed 2026-12-02); an exchange file carries only those, never a
translated label, so that it reads the same whatever language the exporter
uses. The ``TO_HTCDS_*`` tables say how each recorded code is written; where
HTCDS has no equivalent the value becomes HTCDS's "Other" (or "not specified"),
never a guess.
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


# --- HTCDS 2.0 picklists (Field Standards 2.0, column "Value Names") ---------

GENDER_VALUES = frozenset(
    {
        "Feminine",
        "Masculine",
        "TransgenderFeminine",
        "TransgenderMasculine",
        "NonConforming",
        "NonSpecifiedUnknown",
    }
)
TRAFFICKING_STATUS_VALUES = frozenset(
    {"PossibleVictimOfTrafficking", "ActualVictimOfTrafficking", "NotAVictimOfTrafficking"}
)
DECISION_MAKING_ORG_VALUES = frozenset(
    {"Police", "NGO", "CourtOrProsecution", "NonPoliceGovernmentalOrganization", "Other"}
)
RECRUITMENT_VALUES = frozenset(
    {
        "AtAPlaceOfBusiness",
        "AtAnEducationalInstitution",
        "AtWork",
        "ThroughOnlineSocialNetworks",
        "ThroughAnOnlineAdvertisement",
        "ThroughATelevisionAdvert",
        "ThroughANewspaperAdvert",
        "ThroughFamilyOrFamilyEvents",
        "ThroughFriendsOrSocialEvents",
        "Other",
    }
)
METHODS_OF_CONTROL_VALUES = frozenset(
    {
        "PhysicalThreats",
        "ThreatsLawEnforcement",
        "ThreatensChildrenFamily",
        "DebtBondage",
        "FalsePromises",
        "PhysicalAbuse",
        "SexualAbuse",
        "TakesEarnings",
        "RestrictsFinancialAccess",
        "RestrictsMedicalCare",
        "WithholdsNecessities",
        "PsychologicalAbuse",
        "PsychoactiveSubstance",
        "ExcessiveWorkingHours",
        "WithholdsDocuments",
        "Other",
    }
)
EXPLOITATION_VALUES = frozenset(
    {
        "ForcedLabour",
        "SexualExploitation",
        "ChildLabour",
        "ForcedMarriage",
        "Servitude",
        "ForcedMilitaryByNonStateActors",
        "OrganRemoval",
        "ForcedBegging",
        "ForcedAdoption",
        "Surrogacy",
        "Other",
    }
)
LABOUR_INDUSTRY_VALUES = frozenset(
    {
        "A_AgricultureForestryAndFishing",
        "B_MiningAndQuarrying",
        "C_Manufacturing",
        "D_ElectricityGasSteamAndAirConditioningSupply",
        "E_WaterSupplySewerageWasteManagement",
        "F_Construction",
        "G_WholesaleAndRetailTradeRepairOfMotorVehicles",
        "H_TransportationAndStorage",
        "I_AccommodationAndFoodServiceActivities",
        "J_InformationAndCommunication",
        "K_FinancialAndInsuranceActivities",
        "L_RealEstateActivities",
        "M_ProfessionalScientificAndTechnicalActivities",
        "N_AdministrativeAndSupportServiceActivities",
        "O_PublicAdministrationAndDefence",
        "P_Education",
        "Q_HumanHealthAndSocialWorkActivities",
        "R_ArtsEntertainmentAndRecreation",
        "S_OtherServiceActivities",
        "T_ActivitiesOfHouseholdsAsEmployers",
        "U_ActivitiesOfExtraterritorialOrganizations",
    }
)
CASE_STATUS_VALUES = frozenset({"Active", "FollowUp", "Closed", "ClosedReferred"})
# prs_Citizenship and prs_MailingCountry take ISO 3166 alpha-2 codes.
INDIA = "IN"

# The exchange file's column → the picklist its values come from (for a
# multi-select column each ";"-separated value must belong to it).
PICKLISTS = {
    "prs_Gender": GENDER_VALUES,
    "vic_TraffickingStatus": TRAFFICKING_STATUS_VALUES,
    "vic_TraffickinStatusDecisionMakingOrg": DECISION_MAKING_ORG_VALUES,
    "vic_MethodOfRecruitment": RECRUITMENT_VALUES,
    "vic_MethodsOfControl": METHODS_OF_CONTROL_VALUES,
    "vic_TypeOfExploitation": EXPLOITATION_VALUES,
    "vic_ForcedLabourIndustry": LABOUR_INDUSTRY_VALUES,
    "cas_Status": CASE_STATUS_VALUES,
}
MULTISELECT = {"vic_MethodOfRecruitment", "vic_MethodsOfControl", "vic_TypeOfExploitation"}

# --- Recorded code → HTCDS value -------------------------------------------

TO_HTCDS_TRAFFICKING_STATUS = {
    "possible": "PossibleVictimOfTrafficking",
    "actual": "ActualVictimOfTrafficking",
    "not_victim": "NotAVictimOfTrafficking",
}
TO_HTCDS_EXPLOITATION = {
    "forced_labour": "ForcedLabour",
    "sexual_exploitation": "SexualExploitation",
    "forced_marriage": "ForcedMarriage",
    "domestic_servitude": "Servitude",
    "forced_begging": "ForcedBegging",
    # HTCDS 2.0 has no forced criminality.
    "forced_criminality": "Other",
    "organ_removal": "OrganRemoval",
    "other": "Other",
}
# Sangam records the methods under the names of the HTCDS field definitions
# (MethodsOfControlX); the picklist spells some differently and has no
# "restricts movement".
TO_HTCDS_CONTROL = {
    "DebtBondage": "DebtBondage",
    "TakesEarnings": "TakesEarnings",
    "RestrictsFinancialAccess": "RestrictsFinancialAccess",
    "Threats": "PhysicalThreats",
    "PsychologicalAbuse": "PsychologicalAbuse",
    "PhysicalAbuse": "PhysicalAbuse",
    "SexualAbuse": "SexualAbuse",
    "FalsePromises": "FalsePromises",
    "PsychoactiveSubstances": "PsychoactiveSubstance",
    "RestrictsMovement": "Other",
    "RestrictsMedicalCare": "RestrictsMedicalCare",
    "ExcessiveWorkingHours": "ExcessiveWorkingHours",
    "UsesChildren": "ThreatensChildrenFamily",
    "ThreatOfLawEnforcement": "ThreatsLawEnforcement",
    "WithholdsNecessities": "WithholdsNecessities",
    "WithholdsDocuments": "WithholdsDocuments",
    "Other": "Other",
}
# HTCDS records the channel of recruitment; Sangam records the lure. Only
# "sold by family" names a channel HTCDS lists.
TO_HTCDS_RECRUITMENT = {
    "job_offer": "Other",
    "marriage": "Other",
    "education": "Other",
    "abduction": "Other",
    "sold_by_family": "ThroughFamilyOrFamilyEvents",
    "other": "Other",
}

# --- HTCDS value → recorded code (import) ------------------------------------

FROM_HTCDS_EXPLOITATION = {
    "ForcedLabour": "forced_labour",
    "SexualExploitation": "sexual_exploitation",
    "ForcedMarriage": "forced_marriage",
    "Servitude": "domestic_servitude",
    "ForcedBegging": "forced_begging",
    "OrganRemoval": "organ_removal",
    # Kinds Sangam does not record separately.
    "ChildLabour": "other",
    "ForcedMilitaryByNonStateActors": "other",
    "ForcedAdoption": "other",
    "Surrogacy": "other",
    "Other": "other",
}
FROM_HTCDS_CONTROL = {
    htcds_value: code
    for code, htcds_value in TO_HTCDS_CONTROL.items()
    if code not in ("RestrictsMovement",)
}
