import pytest

from waishi.accounts.constants import Role


@pytest.mark.django_db
def test_liaison_officer_reaches_workspace(client, make_user):
    user = make_user(Role.LIAISON_OFFICER)
    client.force_login(user)
    response = client.get("/workspace/")
    assert response.status_code == 200
