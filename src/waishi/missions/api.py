"""The mission detail as the case API returns it, personal data masked."""

from typing import Any

from waishi.core.pii import mask_id_number

from .models import Mission


def mission_detail(case: Any, user: Any) -> dict[str, Any]:
    """A JSON-ready summary of the case's mission (``CaseType.api_detail``)."""
    mission = (
        Mission.objects.filter(case=case)
        .prefetch_related("members__traveller", "destinations")
        .first()
    )
    if mission is None:
        return {}
    return {
        "purpose": mission.purpose,
        "departure_date": mission.departure_date.isoformat() if mission.departure_date else None,
        "return_date": mission.return_date.isoformat() if mission.return_date else None,
        "academic_exchange": mission.academic_exchange,
        "members": [
            {
                "name": m.traveller.name,
                "passport_name": m.traveller.passport_name,
                "rank": m.traveller.rank,
                "is_leader": m.is_leader,
                "id_number": mask_id_number(m.traveller.id_number or ""),
            }
            for m in mission.members.all()
        ],
        "destinations": [
            {"country": d.country, "city": d.city, "transit": d.is_transit}
            for d in mission.destinations.all()
        ],
        "inviter": mission.inviter_name,
        "filed_on": mission.filed_on.isoformat() if mission.filed_on else None,
        "province_document_number": mission.province_document_number,
        "report_due": mission.report_due.isoformat() if mission.report_due else None,
    }


def cases_naming(text: str) -> Any:
    """Ids of mission cases with a member whose name starts with ``text`` (inbox search).

    On SQLite the prefix is asked as a range of the name index: SQLite's LIKE ignores case
    and so cannot use that index, and ``startswith`` would read every traveller.
    """
    from django.db import connection
    from django.db.models import Q

    from .models import MissionMember

    name = text.strip()
    if connection.vendor == "sqlite":
        people = Q(traveller__name__gte=name, traveller__name__lt=name + "\U0010ffff")
    else:
        people = Q(traveller__name__startswith=name)
    return MissionMember.objects.filter(people).values_list("mission__case_id", flat=True)
