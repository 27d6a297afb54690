"""Revealing one masked field of one object, with a reason, for permitted staff."""

from typing import Any

from django import forms
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import pii
from .views import deny, require_perm


class RevealForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        error_messages={"required": _("Give the reason you need to see this information.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


def _object(spec: pii.Revealable, user: Any, pk: str) -> Any:
    """The object if the user may see it; a missing and a hidden object are both 404."""
    try:
        return spec.queryset_for(user).get(pk=pk)
    except (ObjectDoesNotExist, ValueError, ValidationError) as error:
        raise Http404 from error


@never_cache
@require_POST
@require_perm(pii.BASE_REVEAL_PERMISSION)
def reveal(request: HttpRequest, label: str, pk: str, field: str) -> HttpResponse:
    """Answer the htmx partial with the value in clear, or the form again with its error."""
    spec = pii.revealable(label)
    if spec is None or field not in spec.fields:
        raise Http404
    obj = _object(spec, request.user, pk)
    if not pii.can_reveal(request.user, obj, field):
        return deny(request, spec.permission)
    form = RevealForm(request.POST)
    context = {
        "label": obj._meta.get_field(field).verbose_name,
        "label_key": spec.label,
        "pk": obj.pk,
        "field": field,
        "can_reveal": True,
    }
    if not form.is_valid():
        masked = pii.mask(getattr(obj, field), obj._meta.get_field(field).kind)
        return render(
            request,
            "core/includes/pii_field.html",
            {**context, "masked": masked, "form": form},
            # htmx swaps only 2xx answers by default; a plain form post gets 422.
            status=200 if getattr(request, "htmx", False) else 422,
        )
    value = pii.do_reveal_pii(
        actor=request.user,
        obj=obj,
        field=field,
        reason=form.cleaned_data["reason"],
        request=request,
    )
    return render(request, "core/includes/pii_revealed.html", {**context, "value": value})
