from django.urls import path

from sangam.compensation.views import claims, schemes

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
]
