from django.urls import path

from .views import gifts, visit

app_name = "visits"

urlpatterns = [
    path("visits/", visit.visit_list, name="list"),
    path("visits/new/", visit.visit_new, name="new"),
    path("visits/<str:reference>/plan/", visit.visit_edit, name="edit"),
    path("visits/<str:reference>/override/", visit.override_warning, name="override"),
    path("visits/<str:reference>/outcome/", visit.outcome, name="outcome"),
    path("gifts/", gifts.gift_list, name="gifts"),
    path("gifts/new/", gifts.gift_new, name="gift_new"),
    path("gifts/<str:reference>/declaration.pdf", gifts.declaration_pdf, name="declaration"),
    path("office/visits/statistics/", gifts.statistics, name="statistics"),
]
