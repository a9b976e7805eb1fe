from django.urls import path

from sangam.compensation.views import bonded, claims, legal_aid, schemes

app_name = "compensation"
urlpatterns = [
    # Claims
    path("", claims.claim_list, name="list"),
    path("figures/", claims.area_figures, name="figures"),
    path("new/<int:case_pk>/", claims.claim_create, name="create"),
    path("<int:pk>/", claims.claim_detail, name="claim"),
    path("<int:pk>/edit/", claims.claim_edit, name="claim_edit"),
    path("<int:pk>/transition/", claims.claim_transition, name="transition"),
    path("<int:pk>/file/", claims.claim_file, name="file"),
    path("<int:pk>/interim/", claims.claim_interim, name="interim"),
    path("<int:pk>/account/", claims.claim_account, name="account"),
    path("<int:pk>/award/", claims.claim_award, name="award"),
    path("<int:pk>/payment/", claims.claim_payment, name="payment"),
    path("<int:pk>/handover/", claims.claim_handover, name="handover"),
    path("<int:pk>/documents/<int:doc_pk>/", claims.claim_document, name="document"),
    path("<int:pk>/application.pdf", claims.claim_pdf, name="pdf"),
    # Schemes
    path("schemes/", schemes.scheme_list, name="schemes"),
    path("schemes/new/", schemes.scheme_draft, name="scheme_draft"),
    path("schemes/<int:pk>/", schemes.scheme_detail, name="scheme"),
    path("schemes/<int:pk>/edit/", schemes.scheme_edit, name="scheme_edit"),
    path("schemes/<int:pk>/harm/", schemes.harm_edit, name="harm"),
    path("schemes/<int:pk>/publish/", schemes.scheme_publish, name="scheme_publish"),
    # Bonded labour and legal aid
    path("bonded-labour/", bonded.release_list, name="releases"),
    path("bonded-labour/new/", bonded.release_create, name="release_create"),
    path("bonded-labour/schemes/", bonded.schemes, name="bonded_schemes"),
    path("bonded-labour/<int:pk>/", bonded.release_detail, name="release"),
    path("bonded-labour/<int:pk>/step/<slug:step>/", bonded.release_step, name="release_step"),
    path(
        "bonded-labour/<int:pk>/transition/",
        bonded.release_transition,
        name="release_transition",
    ),
    path(
        "bonded-labour/certificates/<int:pk>.pdf",
        bonded.release_certificate,
        name="release_certificate",
    ),
    path("bonded-labour/letters/<int:pk>.pdf", bonded.native_letter, name="native_letter"),
    path("vigilance-committee/", bonded.meeting_list, name="meetings"),
    path("vigilance-committee/<int:pk>/", bonded.meeting_detail, name="meeting"),
    path("legal-aid/", legal_aid.legal_aid_list, name="legal_aid_list"),
    path("legal-aid/new/", legal_aid.legal_aid_create, name="legal_aid_create"),
    path("legal-aid/<int:pk>/", legal_aid.legal_aid_detail, name="legal_aid"),
    path("legal-aid/<int:pk>/lawyer/", legal_aid.legal_aid_lawyer, name="legal_aid_lawyer"),
    path(
        "legal-aid/<int:pk>/transition/",
        legal_aid.legal_aid_transition,
        name="legal_aid_transition",
    ),
    path("documents/", legal_aid.document_list, name="documents"),
    path("documents/new/", legal_aid.document_create, name="document_create"),
    path("documents/<int:pk>/", legal_aid.document_detail, name="document"),
    path("documents/<int:pk>/step/<str:to>/", legal_aid.document_step, name="document_step"),
    path(
        "documents/<int:pk>/transition/",
        legal_aid.document_transition,
        name="document_transition",
    ),
]
