from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicantsConfig(AppConfig):
    name = "waishi.applicants"
    label = "applicants"
    # A shared app (not an area): the areas that serve the public file their cases through
    # it. Its rights come from rules predicates alone.
    waishi_area = False
    waishi_rules_only = True
    verbose_name = _("Applicants")

    def ready(self) -> None:
        from waishi.cases.applications import register_applicant_filer
        from waishi.core import pii
        from waishi.core.navigation import NavItem, registry

        from . import permissions  # noqa: F401  (declares the rules)
        from .actions import do_file_application
        from .models import Applicant

        register_applicant_filer(do_file_application)
        pii.register_revealable(Applicant, fields=["id_number", "document_number"])
        for label, url_name, order in (
            (_("My applications"), "applicants:home", 10),
            (_("Companies"), "applicants:companies", 20),
            (_("My account"), "applicants:account", 30),
        ):
            registry.add_nav(
                NavItem("applicant", label, url_name, "accounts.use_applicant_pages", order=order)
            )
        registry.add_nav(
            NavItem(
                "office",
                _("Company authorisations"),
                "applicants:authorisations",
                "applicants.confirm_authorisation",
                order=80,
            )
        )
