"""Cases filed by applicants: who sees them, and what they do on them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from waishi.accounts.constants import Role
from waishi.applicants import actions
from waishi.applicants.models import Filing
from waishi.cases.actions import do_add_attachment, do_create_case, do_transition
from waishi.cases.models import Attachment, Case, TimelineEntry
from waishi.cases.querysets import visible_to

from .factories import PDF, authorise, file_case, make_applicant, make_company, pdf
from .public_type import PUBLIC_CODE

pytestmark = pytest.mark.django_db


def case_urls(case: Case, file_pk: int = 999999) -> list[tuple[str, str]]:
    ref = case.reference
    return [
        ("get", reverse("applicants:case", args=[ref])),
        ("post", reverse("applicants:case_message", args=[ref])),
        ("post", reverse("applicants:case_upload", args=[ref])),
        ("get", reverse("applicants:case_file", args=[ref, file_pk])),
    ]


def test_a_filed_case_has_no_agency_and_records_the_filer(applicant, public_division):
    case = file_case(applicant)
    assert case.agency_id is None
    assert case.division == public_division
    assert case.filing.person == applicant
    assert case.filing.company is None
    assert case.status == "submitted"


def test_a_type_without_the_flag_is_refused(applicant, public_case_type, monkeypatch):
    from dataclasses import replace

    from waishi.cases import registry

    monkeypatch.setitem(
        registry._case_types, PUBLIC_CODE, replace(public_case_type, filed_by_applicants=False)
    )
    with pytest.raises(actions.Refused):
        file_case(applicant)
    assert not Case.objects.exists()


def test_the_kernel_wants_an_agency_for_other_types(applicant, public_case_type, monkeypatch):
    from dataclasses import replace

    from waishi.cases import registry

    monkeypatch.setitem(
        registry._case_types, PUBLIC_CODE, replace(public_case_type, filed_by_applicants=False)
    )
    with pytest.raises(ValueError):
        do_create_case(actor=applicant, case_type=PUBLIC_CODE, agency=None, title="x")
    assert not Case.objects.exists()


def test_staff_may_not_file_as_applicants(make_user, public_division):
    officer = make_user(Role.DIVISION_OFFICER)
    with pytest.raises(actions.Refused):
        file_case(officer)
    assert not Filing.objects.exists()


def test_a_person_not_authorised_by_the_company_cannot_file_for_it(applicant, other_applicant):
    company = make_company(applicant)
    with pytest.raises(actions.Refused):
        file_case(other_applicant, company)
    assert not Case.objects.exists()


def test_the_filer_sees_the_case_and_others_get_not_found(
    client, applicant, other_applicant, make_user, public_division
):
    case = file_case(applicant)
    client.force_login(applicant)
    assert client.get(reverse("applicants:case", args=[case.reference])).status_code == 200
    list_page = client.get(reverse("applicants:home"))
    assert case.reference in list_page.content.decode()
    client.force_login(other_applicant)
    assert case.reference not in client.get(reverse("applicants:home")).content.decode()
    for method, url in case_urls(case):
        assert getattr(client, method)(url).status_code == 404, url
    assert not TimelineEntry.objects.filter(case=case, kind="comment").exists()


def test_company_members_see_the_company_case_and_a_third_person_does_not(
    client, applicant, other_applicant, public_division
):
    company = make_company(applicant)
    authorise(company, other_applicant)
    third = make_applicant("13500135000", "林小明")
    case = file_case(applicant, company)
    client.force_login(other_applicant)
    assert client.get(reverse("applicants:case", args=[case.reference])).status_code == 200
    company_page = client.get(reverse("applicants:company", args=[company.pk]))
    assert case.reference in company_page.content.decode()
    client.force_login(third)
    for method, url in case_urls(case):
        assert getattr(client, method)(url).status_code == 404, url
    assert client.get(reverse("applicants:company", args=[company.pk])).status_code == 404
    assert (
        client.post(
            reverse("applicants:company_invite", args=[company.pk]),
            {"channel": "sms", "target": "13500135000"},
        ).status_code
        == 404
    )


def test_a_personal_case_stays_hidden_from_company_colleagues(
    client, applicant, other_applicant, public_division
):
    company = make_company(applicant)
    authorise(company, other_applicant)
    case = file_case(applicant)
    client.force_login(other_applicant)
    assert client.get(reverse("applicants:case", args=[case.reference])).status_code == 404


def test_applicants_see_no_case_on_the_staff_and_agency_pages(client, applicant, public_division):
    case = file_case(applicant)
    assert not visible_to(applicant).exists()
    client.force_login(applicant)
    assert client.get(reverse("cases:detail", args=[case.reference])).status_code in (403, 404)


def test_agency_and_staff_users_get_nothing_on_applicant_pages(
    client, applicant, make_user, public_division
):
    case = file_case(applicant)
    for role in (Role.LIAISON_OFFICER, Role.DIVISION_OFFICER):
        client.force_login(make_user(role))
        for method, url in case_urls(case):
            assert getattr(client, method)(url).status_code == 403, url


def test_staff_see_applicant_cases_in_the_kernel(applicant, make_user, public_division):
    case = file_case(applicant)
    officer = make_user(Role.DIVISION_OFFICER, division=public_division)
    assert visible_to(officer).filter(pk=case.pk).exists()


def test_the_case_page_shows_status_the_clock_owed_by_the_applicant_and_messages(
    client, applicant, make_user, public_division, django_capture_on_commit_callbacks
):
    case = file_case(applicant)
    officer = make_user(Role.DIVISION_OFFICER, division=public_division)
    do_transition(
        case=case,
        transition="ask_for_material",
        actor=officer,
        inputs={"reason": "请补充户口簿复印件"},
    )
    client.force_login(applicant)
    page = client.get(reverse("applicants:case", args=[case.reference])).content.decode()
    assert "Material requested" in page or "补充" in page
    assert 'data-testid="your-turn"' in page
    assert "请补充户口簿复印件" in page
    assert 'data-clock="processing"' in page
    assert officer.display_name not in page


def test_internal_staff_comments_stay_hidden(client, applicant, make_user, public_division):
    from waishi.cases.actions import do_comment

    case = file_case(applicant)
    officer = make_user(Role.DIVISION_OFFICER, division=public_division)
    do_comment(case=case, actor=officer, text="内部意见：需核实", is_public=False)
    do_comment(case=case, actor=officer, text="请于下周前来领取", is_public=True)
    client.force_login(applicant)
    page = client.get(reverse("applicants:case", args=[case.reference])).content.decode()
    assert "内部意见" not in page
    assert "请于下周前来领取" in page


def test_the_applicant_sends_a_message_once_even_when_posted_twice(
    client, applicant, public_division
):
    case = file_case(applicant)
    client.force_login(applicant)
    data = {"text": "材料已寄出", "idempotency_key": "k-1"}
    url = reverse("applicants:case_message", args=[case.reference])
    client.post(url, data)
    client.post(url, data)
    entries = TimelineEntry.objects.filter(case=case, kind="comment")
    assert entries.count() == 1
    assert entries.get().is_public


def test_the_applicant_uploads_requested_material_and_downloads_it(
    client, applicant, public_division
):
    case = file_case(applicant)
    client.force_login(applicant)
    upload = SimpleUploadedFile("hukou.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("applicants:case_upload", args=[case.reference]), {"file": upload}
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get(case=case)
    assert attachment.is_public
    download = client.get(reverse("applicants:case_file", args=[case.reference, attachment.pk]))
    assert download.status_code == 200


def test_a_disguised_file_is_refused_and_nothing_stored(client, applicant, public_division):
    case = file_case(applicant)
    client.force_login(applicant)
    upload = SimpleUploadedFile("hukou.pdf", b"MZ\x90\x00not a pdf", content_type="application/pdf")
    client.post(reverse("applicants:case_upload", args=[case.reference]), {"file": upload})
    assert not Attachment.objects.filter(case=case).exists()


def test_internal_staff_files_cannot_be_downloaded(client, applicant, make_user, public_division):
    case = file_case(applicant)
    officer = make_user(Role.DIVISION_OFFICER, division=public_division)
    internal = do_add_attachment(
        case=case, actor=officer, upload=pdf("note.pdf"), name="note.pdf", is_public=False
    )
    client.force_login(applicant)
    response = client.get(reverse("applicants:case_file", args=[case.reference, internal.pk]))
    assert response.status_code == 404


def test_the_list_reads_a_fixed_number_of_queries(
    client, applicant, public_division, django_assert_max_num_queries
):
    company = make_company(applicant)
    for n in range(6):
        file_case(applicant, company if n % 2 else None, title=f"申请{n}")
    client.force_login(applicant)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("applicants:home"))
    assert response.content.decode().count("申请") >= 6


def test_the_case_page_reads_a_fixed_number_of_queries(
    client, applicant, make_user, public_division, django_assert_max_num_queries
):
    case = file_case(applicant)
    officer = make_user(Role.DIVISION_OFFICER, division=public_division)
    for n in range(5):
        from waishi.cases.actions import do_comment

        do_comment(case=case, actor=officer, text=f"回复{n}", is_public=True)
        do_comment(case=case, actor=applicant, text=f"留言{n}", is_public=True)
    client.force_login(applicant)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("applicants:case", args=[case.reference]))
    assert response.status_code == 200


def test_staff_see_the_applicant_and_company_on_the_case_page(
    client, applicant, make_user, public_division
):
    company = make_company(applicant)
    case = file_case(applicant, company)
    officer = make_user(Role.DIVISION_OFFICER, division=public_division)
    client.force_login(officer)
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "陈丽华" in page
    assert company.credit_code in page
    assert client.get(reverse("cases:inbox")).status_code == 200
