from django.urls import path

from .views import bars, custody, issuance, register, reports, visas, workspace

app_name = "passports"

urlpatterns = [
    # The Passport & Visa Division.
    path("office/passports/", custody.dashboard, name="dashboard"),
    path("office/passports/register/", register.register_list, name="register"),
    path("office/passports/register/new/", register.document_new, name="document_new"),
    path("office/passports/documents/<int:pk>/", register.document_detail, name="document"),
    path(
        "office/passports/documents/<int:pk>/endorsements/",
        register.endorsement_add,
        name="endorsement_add",
    ),
    path("office/passports/documents/<int:pk>/cancel/", register.document_cancel, name="cancel"),
    path("passports/documents/<int:pk>/loss/", register.document_loss, name="loss"),
    path(
        "passports/documents/<int:pk>/loss/police-report/",
        register.loss_report_file,
        name="loss_file",
    ),
    path("passports/holders/<int:pk>/", bars.holder_detail, name="holder"),
    path("office/passports/holders/<int:pk>/bar/", bars.holder_bar, name="holder_bar"),
    path("office/passports/bars/", bars.bars_list, name="bars"),
    path("office/passports/bars/<int:pk>/lift/", bars.bar_lift, name="bar_lift"),
    path("office/passports/custody/", custody.custody_list, name="custody"),
    path("office/passports/locks/", custody.locks_list, name="locks"),
    path("office/passports/missions/<str:reference>/", custody.mission_documents, name="mission"),
    path("office/passports/missions/<str:reference>/hand-out/", custody.hand_out, name="hand_out"),
    path("office/passports/missions/<str:reference>/visas/", visas.visas_open, name="visas_open"),
    path(
        "office/passports/missions/<str:reference>/note/<str:country>/",
        visas.visa_note,
        name="visa_note",
    ),
    path("office/passports/hand-outs/<int:pk>/return/", custody.return_document, name="return"),
    path("office/passports/hand-outs/<int:pk>/receipt/", custody.receipt, name="receipt"),
    path("passports/visas/", visas.visa_list, name="visas"),
    path("passports/visas/<int:pk>/", visas.visa_detail, name="visa"),
    path("office/passports/visas/<int:pk>/move/", visas.visa_move, name="visa_move"),
    path("office/passports/visas/<int:pk>/checklist/", visas.visa_checklist, name="visa_checklist"),
    path("office/passports/note-templates/", visas.note_templates, name="note_templates"),
    path(
        "office/passports/note-templates/<int:pk>/",
        visas.note_template_edit,
        name="note_template",
    ),
    path("office/passports/report/", reports.report_page, name="report"),
    path(
        "office/passports/report/<int:year>/<int:quarter>.<str:fmt>",
        reports.report_download,
        name="report_download",
    ),
    path(
        "office/passports/requests/<str:reference>/issue/",
        issuance.request_issue,
        name="request_issue",
    ),
    # The agency's workspace.
    path("workspace/passports/", workspace.workspace, name="workspace"),
    path("workspace/passports/request/", workspace.request_new, name="request_new"),
]
