from django.urls import path

from sangam.compensation.views import bonded, legal_aid

app_name = "compensation"
urlpatterns = [
    # Bonded labour and legal aid
    path("bonded-labour/", bonded.release_list, name="releases"),
    path("bonded-labour/new/", bonded.release_create, name="release_create"),
    path("bonded-labour/schemes/", bonded.schemes, name="schemes"),
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
