"""Background tasks that carry notifications out of Waishi: e-mail and SMS."""

import logging

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.tasks import task

from .sms import get_sms_sender

logger = logging.getLogger("waishi.notifications")


@task
def send_notification_email(*, user_id: int, subject: str, body: str) -> bool:
    """E-mail an already translated message to the user's current address."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return False
    send_mail(subject, body, None, [user.email])
    return True


@task
def send_notification_sms(*, user_id: int, text: str) -> bool:
    """Text an already translated message to the user's current mobile number."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    phone = getattr(user, "phone", "") if user is not None else ""
    if not phone:
        return False
    get_sms_sender().send(phone, text)
    return True
