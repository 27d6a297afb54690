"""Companies: registration with a checked credit code, invitations, the bureau's confirmation."""

import pytest
from django.urls import reverse

from waishi.accounts.constants import Role
from waishi.applicants import actions
from waishi.applicants.models import Authorisation, Company, Invitation

from .factories import credit_code, make_applicant, make_company, pdf

pytestmark = pytest.mark.django_db


def test_a_person_registers_a_company_and_may_invite(client, applicant):
    client.force_login(applicant)
    response = client.post(
        reverse("applicants:company_new"),
        {"credit_code": credit_code(7).lower(), "name": "肇庆星湖科技有限公司", "letter": pdf()},
    )
    company = Company.objects.get()
    assert response.status_code == 302
    assert company.credit_code == credit_code(7)
    authorisation = Authorisation.objects.get(company=company)
    assert authorisation.user == applicant and authorisation.is_manager
    assert authorisation.letter_sha256


def test_a_wrong_check_character_is_refused_with_the_reason(client, applicant):
    client.force_login(applicant)
    good = credit_code(7)
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    response = client.post(
        reverse("applicants:company_new"),
        {"credit_code": wrong, "name": "肇庆星湖科技有限公司", "letter": pdf()},
    )
    assert response.status_code == 400
    assert "check character" in response.content.decode()
    assert not Company.objects.exists()


def test_a_company_registered_already_is_refused(client, applicant, other_applicant):
    make_company(applicant, n=7)
    client.force_login(other_applicant)
    response = client.post(
        reverse("applicants:company_new"),
        {"credit_code": credit_code(7), "name": "另一家", "letter": pdf()},
    )
    assert response.status_code == 400
    assert "registered already" in response.content.decode()
    assert Authorisation.objects.count() == 1


def test_an_invitation_reaches_the_person_signing_in_with_the_number(
    client, applicant, other_applicant
):
    company = make_company(applicant)
    client.force_login(applicant)
    response = client.post(
        reverse("applicants:company_invite", args=[company.pk]),
        {"channel": "sms", "target": other_applicant.phone},
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert other_applicant.phone not in invitation.target_index
    client.force_login(other_applicant)
    assert company.name in client.get(reverse("applicants:home")).content.decode()
    response = client.post(
        reverse("applicants:invitation_accept", args=[invitation.pk]), {"letter": pdf()}
    )
    assert response.status_code == 302
    assert Authorisation.objects.filter(company=company, user=other_applicant).exists()
    # An invitation is used once.
    again = actions.invitations_for(other_applicant)
    assert again == []


def test_an_invitation_to_someone_else_cannot_be_accepted(client, applicant, other_applicant):
    company = make_company(applicant)
    invitation = actions.do_invite(
        actor=applicant, company=company, channel="sms", target="13500135000"
    )
    client.force_login(other_applicant)
    client.post(reverse("applicants:invitation_accept", args=[invitation.pk]), {"letter": pdf()})
    assert not Authorisation.objects.filter(user=other_applicant).exists()


def test_invitations_answer_the_same_for_known_and_unknown_numbers(client, applicant):
    company = make_company(applicant)
    client.force_login(applicant)
    url = reverse("applicants:company_invite", args=[company.pk])
    known = client.post(url, {"channel": "sms", "target": "13800138000"}, follow=True)
    unknown = client.post(url, {"channel": "sms", "target": "13500135001"}, follow=True)
    assert known.status_code == unknown.status_code == 200
    assert [str(m) for m in known.context["messages"]] == [
        str(m) for m in unknown.context["messages"]
    ]


def test_only_managers_invite(applicant, other_applicant):
    company = make_company(applicant)
    Authorisation.objects.create(company=company, user=other_applicant)
    with pytest.raises(actions.Refused):
        actions.do_invite(
            actor=other_applicant, company=company, channel="sms", target="13500135000"
        )
    assert not Invitation.objects.exists()


def test_one_person_acts_for_several_companies(client, applicant):
    first = make_company(applicant, n=1, name="甲公司")
    second = make_company(applicant, n=2, name="乙公司")
    client.force_login(applicant)
    page = client.get(reverse("applicants:companies")).content.decode()
    assert first.name in page and second.name in page


def test_division_staff_confirm_an_authorisation(client, applicant, make_user):
    company = make_company(applicant)
    officer = make_user(Role.DIVISION_OFFICER)
    client.force_login(officer)
    assert company.name in client.get(reverse("applicants:authorisations")).content.decode()
    row = Authorisation.objects.get()
    letter = client.get(reverse("applicants:authorisation_letter", args=[row.pk]))
    assert letter.status_code == 200
    client.post(reverse("applicants:authorisation_confirm", args=[row.pk]))
    row.refresh_from_db()
    assert row.confirmed_by == officer


def test_an_applicant_cannot_confirm_their_own_authorisation(applicant):
    make_company(applicant)
    row = Authorisation.objects.get()
    with pytest.raises(actions.Refused):
        actions.do_confirm_authorisation(actor=applicant, authorisation=row)
    row.refresh_from_db()
    assert row.confirmed_at is None


def test_someone_else_s_company_page_is_not_found(client, applicant):
    company = make_company(applicant)
    stranger = make_applicant("13500135000", "林小明")
    client.force_login(stranger)
    assert client.get(reverse("applicants:company", args=[company.pk])).status_code == 404
