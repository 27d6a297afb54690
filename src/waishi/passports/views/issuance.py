"""Recording the documents issued on a request (the division's form on the case)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from waishi.cases.querysets import access_case
from waishi.cases.workflow import TransitionRefused
from waishi.core.views import require_perm

from .. import issuance_actions
from ..forms import IssueForm
from ..models import IssuanceRequest
from .common import errors_of


@require_perm("passports.manage_register")
def request_issue(request: HttpRequest, reference: str) -> HttpResponse:
    try:
        case = access_case(request.user, reference)
        issuance = IssuanceRequest.objects.select_related("case", "mission__case").get(case=case)
    except Exception:
        raise Http404 from None
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
