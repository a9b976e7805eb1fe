from django.urls import path

from sangam.justice.views import cases as views
from sangam.justice.views import court, figures, protection

app_name = "justice"
urlpatterns = [
    path("", views.justice_list, name="list"),
    path("clocks/", views.clocks, name="clocks"),
    path("figures/", figures.area_figures, name="figures"),
    path("cases/new/", views.case_create, name="case_create"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/sections/", views.section_add, name="section_add"),
    path("cases/<int:pk>/sections/drop/", views.section_drop, name="section_drop"),
    path("cases/<int:pk>/ahtu/", views.ahtu, name="ahtu"),
    path("cases/<int:pk>/transfer/", views.transfer, name="transfer"),
    path("cases/<int:pk>/progress/", views.progress, name="progress"),
    path("cases/<int:pk>/accused/", views.accused_add, name="accused_add"),
    path("accused/<int:pk>/", views.accused_detail, name="accused"),
    path("rescues/new/", views.rescue_create, name="rescue_create"),
    path("rescues/<int:pk>/", views.rescue_detail, name="rescue"),
    path("rescues/<int:pk>/persons/", views.rescued_add, name="rescued_add"),
    path("rescues/<int:pk>/memo.pdf", views.rescue_memo, name="rescue_memo"),
    path("rescued/<int:pk>/production/", views.production, name="production"),
    path("reviews/<int:pk>/", views.review, name="review"),
    path("cases/<int:pk>/trial/", court.trial_save, name="trial_save"),
    path("trials/<int:pk>/hearings/", court.hearing_add, name="hearing_add"),
    path("trials/<int:pk>/judgments/", court.judgment_add, name="judgment_add"),
    path("trials/<int:pk>/appeals/", court.appeal_add, name="appeal_add"),
    path("hearings.csv", court.hearings_export, name="hearings_export"),
    path("protection/", protection.protection_list, name="protection_list"),
    path("cases/<int:pk>/protection/", protection.protection_create, name="protection_create"),
    path(
        "care/<int:care_pk>/protection/",
        protection.protection_for_survivor,
        name="protection_for_survivor",
    ),
    path("protection/<int:pk>/", protection.protection_detail, name="protection"),
    path("protection/<int:pk>/report/", protection.report, name="protection_report"),
    path("protection/<int:pk>/interim/", protection.interim, name="protection_interim"),
    path("protection/<int:pk>/decision/", protection.decide, name="protection_decide"),
    path("protection/<int:pk>/review/", protection.review, name="protection_review"),
    path("protection/<int:pk>/end/", protection.end, name="protection_end"),
    path("protection/<int:pk>/incidents/", protection.incident, name="protection_incident"),
    path("protection/<int:pk>/relocation/", protection.relocation, name="protection_relocation"),
]
