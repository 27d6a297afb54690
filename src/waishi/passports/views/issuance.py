"""Recording the documents issued on a request (the division's form on the case)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from waishi.cases.querysets import access_case_detail
from waishi.cases.workflow import TransitionRefused
from waishi.core.views import require_perm

from .. import issuance_actions
from ..constants import CASE_TYPE
from ..forms import IssueForm
from ..models import IssuanceRequest
from .common import errors_of


@require_perm("passports.manage_register")
def request_issue(request: HttpRequest, reference: str) -> HttpResponse:
    issuance: IssuanceRequest = access_case_detail(
        request.user, reference, CASE_TYPE, related=("mission__case",)
    )
    case = issuance.case
    items = list(issuance.items.filter(issued__isnull=True).select_related("holder", "surrendered"))
    forms = [(item, IssueForm(request.POST or None, prefix=f"item{item.pk}")) for item in items]
    errors: list[str] = []
    if request.method == "POST" and all(form.is_valid() for _item, form in forms):
        try:
            issuance_actions.do_issue_documents(
                actor=request.user,
                issuance=issuance,
                issued={item.pk: form.cleaned_data for item, form in forms},
                request=request,
            )
        except ValidationError as error:
            errors = errors_of(error)
        except TransitionRefused as refused:
            errors = refused.reasons
        else:
            messages.success(request, _("The documents are in the register, in custody."))
            return redirect(case.get_absolute_url())
    return render(
        request,
        "passports/issue_form.html",
        {
            "title": _("Record the documents issued"),
            "case": case,
            "issuance": issuance,
            "forms": forms,
            "errors": errors,
        },
    )
