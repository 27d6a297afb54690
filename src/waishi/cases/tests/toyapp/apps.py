from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToyAppConfig(AppConfig):
    name = "waishi.cases.tests.toyapp"
    label = "toyapp"
    verbose_name = _("Interpreter bookings")
    # An area of the bureau's work; its rights come from rules predicates alone.
    waishi_area = True
    waishi_rules_only = True

    def ready(self) -> None:
        from waishi.cases.documents import DocumentKind, register_document_kind
        from waishi.cases.registry import CaseType, register_case_type

        from .models import CASE_TYPE, DIVISION, Booking
        from .workflow import WORKFLOW

        register_case_type(
            CaseType(
                code=CASE_TYPE,
                label=_("Interpreter booking"),
                workflow=WORKFLOW,
                division_code=DIVISION,
                detail_model=Booking,
                detail_template="toyapp/case_detail.html",
                area_label=_("Interpreter bookings"),
                audit_prefix="toyapp.booking",
            )
        )
        # The confirmation the bureau sends the agency: its interpreter is booked.
        register_document_kind(
            DocumentKind(
                code="toyapp.confirmation",
                label=_("Interpreter booking confirmation"),
                number_format=_("Interpreting [%(year)s] No. %(number)s"),
                template="toyapp/documents/confirmation.html",
                public_facts=("name", ("language", _("Language"))),
            )
        )
