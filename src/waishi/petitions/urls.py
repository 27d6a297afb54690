from django.urls import path

from . import views

app_name = "petitions"

urlpatterns = [
    path("office/petitions/", views.petition_list, name="list"),
    path("office/petitions/new/", views.new_petition, name="new"),
    path("office/petitions/statistics/", views.statistics, name="statistics"),
    path("office/petitions/<str:reference>/hearing/", views.hearing_start, name="hearing_start"),
    path("office/petitions/<str:reference>/hearing/end/", views.hearing_end, name="hearing_end"),
    path(
        "office/petitions/<str:reference>/satisfaction/",
        views.satisfaction,
        name="satisfaction",
    ),
    path("applicants/petitions/new/", views.apply, name="apply"),
]
