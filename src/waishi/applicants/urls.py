from django.urls import path

from . import views

app_name = "applicants"

urlpatterns = [
    path("applicants/sign-up/", views.sign_up, name="sign_up"),
    path("applicants/sign-up/details/", views.sign_up_details, name="sign_up_details"),
    path("applicants/privacy/", views.privacy, name="privacy"),
    path("applicants/", views.home, name="home"),
    path("applicants/cases/<str:reference>/", views.case_detail, name="case"),
    path("applicants/cases/<str:reference>/message/", views.case_message, name="case_message"),
    path("applicants/cases/<str:reference>/upload/", views.case_upload, name="case_upload"),
    path("applicants/cases/<str:reference>/files/<int:pk>/", views.case_file, name="case_file"),
    path(
        "applicants/cases/<str:reference>/documents/<int:pk>/",
        views.case_document,
        name="case_document",
    ),
    path("applicants/companies/", views.companies, name="companies"),
    path("applicants/companies/new/", views.company_new, name="company_new"),
    path("applicants/companies/<int:company_id>/", views.company, name="company"),
    path(
        "applicants/companies/<int:company_id>/invite/",
        views.company_invite,
        name="company_invite",
    ),
    path(
        "applicants/invitations/<int:invitation_id>/accept/",
        views.invitation_accept,
        name="invitation_accept",
    ),
    path("applicants/account/", views.account, name="account"),
    path("applicants/account/data/", views.account_data, name="account_data"),
    path("applicants/account/delete/", views.account_delete, name="account_delete"),
    path("office/authorisations/", views.authorisations, name="authorisations"),
    path(
        "office/authorisations/<int:pk>/letter/",
        views.authorisation_letter,
        name="authorisation_letter",
    ),
    path(
        "office/authorisations/<int:pk>/confirm/",
        views.authorisation_confirm,
        name="authorisation_confirm",
    ),
]
