import pytest
from django.core import mail
from django.utils.translation import gettext_lazy

from waishi.accounts.constants import Role
from waishi.audit.models import AuditEvent
from waishi.notifications import actions
from waishi.notifications.constants import Channel
from waishi.notifications.kinds import UnknownKind
from waishi.notifications.models import Notification, NotificationPreference, NotificationSettings
from waishi.notifications.text import interpolate_lazy

pytestmark = pytest.mark.django_db


def test_default_in_app_kind_writes_a_row_and_sends_nothing_else(make_user, sms_outbox):
    user = make_user(Role.LIAISON_OFFICER, email="a@example.org", phone="13800000000")
    actions.notify(recipients=[user], kind="cases.transition", title="标题", body="正文")
    row = Notification.objects.get()
    assert (row.recipient, row.title, row.body, row.read_at) == (user, "标题", "正文", None)
    assert mail.outbox == [] and sms_outbox == []


def test_email_and_sms_follow_the_recipients_choices(
    make_user, sms_outbox, django_capture_on_commit_callbacks
):
    user = make_user(Role.LIAISON_OFFICER, email="a@example.org", phone="13800000000")
    NotificationPreference.objects.create(
        user=user, kind="cases.transition", channel=Channel.EMAIL, enabled=True
    )
    NotificationPreference.objects.create(
        user=user, kind="cases.transition", channel=Channel.SMS, enabled=True
    )
    NotificationPreference.objects.create(
        user=user, kind="cases.transition", channel=Channel.IN_APP, enabled=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        actions.notify(
            recipients=[user], kind="cases.transition", title="案件已批准", link="/cases/CG-1/"
        )
    assert not Notification.objects.exists()
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert mail.outbox[0].subject == "案件已批准"
    assert "http://127.0.0.1:8000/cases/CG-1/" in mail.outbox[0].body
    assert [m.phone for m in sms_outbox] == ["13800000000"]
    assert "案件已批准" in sms_outbox[0].text


def test_messages_are_written_in_each_recipients_language(
    make_user, django_capture_on_commit_callbacks
):
    chinese = make_user(Role.DIVISION_OFFICER, email="zh@example.org")
    english = make_user(Role.DIVISION_OFFICER, email="en@example.org")
    NotificationSettings.objects.create(user=english, language="en")
    title = interpolate_lazy(gettext_lazy("%(reference)s was assigned to you"), reference="CG-7")
    with django_capture_on_commit_callbacks(execute=True):
        actions.notify(recipients=[chinese, english], kind="cases.assigned", title=title)
    titles = dict(Notification.objects.values_list("recipient_id", "title"))
    assert titles[english.pk] == "CG-7 was assigned to you"
    assert titles[chinese.pk] == "CG-7 已分配给您"
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {"en@example.org": titles[english.pk], "zh@example.org": titles[chinese.pk]}


def test_nothing_leaves_waishi_when_the_transaction_rolls_back(
    make_user, django_capture_on_commit_callbacks
):
    user = make_user(Role.DIVISION_OFFICER, email="a@example.org")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        actions.notify(recipients=[user], kind="cases.assigned", title="x")
    assert len(callbacks) == 1  # the e-mail waits for the commit
    assert mail.outbox == []


def test_inactive_and_repeated_recipients_are_told_once_or_not_at_all(make_user):
    active = make_user(Role.DIVISION_OFFICER)
    inactive = make_user(Role.DIVISION_OFFICER, is_active=False)
    actions.notify(recipients=[active, active, inactive, None], kind="cases.comment", title="x")
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [active.pk]


def test_an_unregistered_kind_is_refused_and_writes_nothing(make_user):
    user = make_user(Role.DIVISION_OFFICER)
    with pytest.raises(UnknownKind):
        actions.notify(recipients=[user], kind="cases.nonsense", title="x")
    assert not Notification.objects.exists()


def test_email_is_skipped_for_people_without_an_address(
    make_user, django_capture_on_commit_callbacks
):
    user = make_user(Role.DIVISION_OFFICER, email="")
    with django_capture_on_commit_callbacks(execute=True):
        actions.notify(recipients=[user], kind="cases.assigned", title="x")
    assert mail.outbox == []
    assert Notification.objects.count() == 1


def test_saving_preferences_is_audited_and_replaces_earlier_choices(make_user):
    user = make_user(Role.DIVISION_OFFICER)
    actions.do_set_preferences(
        actor=user, choices={("cases.comment", Channel.EMAIL): True}, language="en"
    )
    actions.do_set_preferences(
        actor=user, choices={("cases.comment", Channel.EMAIL): False}, language="zh-hant"
    )
    assert list(
        NotificationPreference.objects.filter(user=user).values_list("channel", "enabled")
    ) == [(Channel.EMAIL, False)]
    assert NotificationSettings.objects.get(user=user).language == "zh-hant"
    assert AuditEvent.objects.filter(action="notifications.preference.update").count() == 2


def test_unknown_language_changes_nothing(make_user):
    user = make_user(Role.DIVISION_OFFICER)
    with pytest.raises(ValueError):
        actions.do_set_preferences(
            actor=user, choices={("cases.comment", Channel.EMAIL): True}, language="fr"
        )
    assert not NotificationPreference.objects.exists()


def test_mark_all_read_touches_only_the_actors_notifications(make_user):
    me, other = make_user(Role.DIVISION_OFFICER), make_user(Role.DIVISION_OFFICER)
    actions.notify(recipients=[me, other], kind="cases.comment", title="x")
    assert actions.do_mark_all_read(actor=me) == 1
    assert Notification.objects.get(recipient=other).read_at is None
