"""PIPL: the applicant downloads their data and asks for deletion; both audited."""

import json

import pytest
from django.urls import reverse

from waishi.applicants.models import Applicant
from waishi.audit.models import AuditEvent

from .factories import ID_NUMBER, file_case

pytestmark = pytest.mark.django_db


def test_the_account_page_masks_the_id_number(client, applicant):
    client.force_login(applicant)
    page = client.get(reverse("applicants:account")).content.decode()
    assert ID_NUMBER not in page
    assert ID_NUMBER[:6] in page


def test_the_applicant_downloads_their_data(client, applicant, public_division):
    case = file_case(applicant)
    client.force_login(applicant)
    response = client.post(reverse("applicants:account_data"))
    data = json.loads(response.content)
    assert data["identity"]["id_number"] == ID_NUMBER
    assert data["applications"][0]["reference"] == case.reference
    assert {c["kind"] for c in data["consents"]} == set() or data["consents"] is not None
    assert AuditEvent.objects.filter(action="applicants.applicant.export_data").count() == 1


def test_a_deletion_request_is_recorded_once(client, applicant):
    client.force_login(applicant)
    client.post(reverse("applicants:account_delete"))
    first = Applicant.objects.get().deletion_requested_at
    client.post(reverse("applicants:account_delete"))
    assert Applicant.objects.get().deletion_requested_at == first
    assert AuditEvent.objects.filter(action="applicants.applicant.request_deletion").count() == 1
