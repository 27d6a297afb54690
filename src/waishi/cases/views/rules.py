"""The rules screen: every area's rules for the bureau, edited by each area's division head."""

import datetime
from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from waishi.core.views import require_perm

from ..forms import RuleVersionForm
from ..models import Rule
from ..permissions import can_manage_rules
from ..rule_actions import do_add_rule_version
from ..rule_engine import RuleBook, bureau_area_code, spec_of
from ..rule_registry import RuleArea, is_empty_value, rule_area, rule_areas


def _day(request: HttpRequest) -> datetime.date:
    try:
        return datetime.date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return timezone.localdate()


def _warnings(area: RuleArea, rows: list[Rule], day: datetime.date, area_code: str) -> list[str]:
    """What the area's checks lack on ``day``: a code whose check needs a value has none."""
    book = RuleBook([spec_of(r) for r in rows if r.active], on_date=day, area_code=area_code)
    found = []
    for code, definition in area.definitions.items():
        if not definition.needs_value:
            continue
        rule = book.get(code)
        if rule is None or is_empty_value(rule.value):
            found.append(str(definition.empty_warning or definition.label))
    return found


@require_perm("cases.read_rules")
def rule_list(request: HttpRequest) -> HttpResponse:
    """Every area's rule versions (or one area's, ``?area=``), as in force on ``?on=``."""
    day = _day(request)
    areas = rule_areas()
    wanted = request.GET.get("area", "")
    if wanted in {a.area for a in areas}:
        areas = [a for a in areas if a.area == wanted]
    rows_by_area: dict[str, list[Rule]] = defaultdict(list)
    for row in Rule.objects.filter(area__in=[a.area for a in areas]).order_by(
        "area", "code", "jurisdiction", "rank", "-effective_from", "-id"
    ):
        rows_by_area[row.area].append(row)
    area_code = bureau_area_code()
    sections = []
    for area in areas:
        rows = rows_by_area[area.area]
        ranks = dict(area.ranks)
        for row in rows:
            definition = area.definitions.get(row.code)
            row.label = definition.label if definition else row.code  # type: ignore[attr-defined]
            row.rank_label = ranks.get(row.rank, row.rank)  # type: ignore[attr-defined]
            row.in_force = (  # type: ignore[attr-defined]
                row.active
                and spec_of(row).in_force_on(day)
                and spec_of(row).applies_to_area(area_code)
            )
        sections.append(
            {
                "area": area,
                "rules": rows,
                "warnings": _warnings(area, rows, day, area_code),
                "can_manage": can_manage_rules(request.user, area.area),
            }
        )
    return render(
        request,
        "cases/rules.html",
        {"title": _("Rules"), "sections": sections, "on": day, "area": wanted},
    )


def _editable_area(request: HttpRequest, supersedes: Rule | None) -> RuleArea:
    """The area being edited, if the user heads its division; "not found" otherwise."""
    name = supersedes.area if supersedes else request.POST.get("area") or request.GET.get("area")
    area = rule_area(name or "")
    if area is None or not can_manage_rules(request.user, area.area):
        raise Http404
    return area


def _initial(supersedes: Rule | None) -> dict[str, Any]:
    if supersedes is None:
        return {}
    return {
        "code": supersedes.code,
        "jurisdiction": supersedes.jurisdiction,
        "area_code": supersedes.area_code,
        "rank": supersedes.rank,
        "value": supersedes.value,
        "severity": supersedes.severity,
        "citation": supersedes.citation,
    }


@require_perm("cases.edit_rules")
def rule_new(request: HttpRequest) -> HttpResponse:
    """Add a rule version of ``?area=``; ``?supersedes=<id>`` starts from that version."""
    supersedes = None
    source = request.POST.get("supersedes") or request.GET.get("supersedes")
    if source:
        supersedes = Rule.objects.filter(pk=source if source.isdigit() else 0).first()
        if supersedes is None:
            raise Http404
    area = _editable_area(request, supersedes)
    form = RuleVersionForm(request.POST or None, initial=_initial(supersedes), area=area)
    status = 200
    if request.method == "POST" and form.is_valid():
        seen = parse_datetime(request.POST.get("seen", "")) if supersedes else None
        try:
            do_add_rule_version(
                actor=request.user,
                area=area.area,
                supersedes=supersedes,
                seen=seen,
                request=request,
                **form.cleaned_data,
            )
        except ValidationError as problem:
            form.add_error(None, problem.messages)
            if getattr(problem, "code", None) == "stale":
                status = 409
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(request, _("The new rule version is saved."))
            return redirect(f"{reverse('cases:rules')}?area={area.area}")
    definition = area.definitions.get(form["code"].value() or "")
    return render(
        request,
        "cases/rule_form.html",
        {
            "title": _("New rule version"),
            "form": form,
            "area": area,
            "supersedes": supersedes,
            "seen": supersedes.updated_at.isoformat() if supersedes else "",
            "examples": [(d.label, d.example) for d in area.definitions.values()],
            "definition": definition,
        },
        status=status,
    )
