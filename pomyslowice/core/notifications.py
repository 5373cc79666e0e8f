from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_email(
    *,
    template: str,
    to: list[str],
    context: dict,
    language: str | None = None,
    reply_to: list[str] | None = None,
    attachments: list[tuple[str, str | bytes, str]] | None = None,
) -> None:
    """E-mail each recipient separately, once the current transaction has committed.

    `template` names a pair of plain-text templates, `<template>_subject.txt` and
    `<template>.txt`. They are rendered now, in `language` (the page language of the person
    acting) or else the site's default, because we do not know the recipients' language.
    `attachments` are (filename, content, MIME type), e.g. an .ics file for a calendar.
    """
    recipients = [address for address in to if address]
    if not recipients:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        full_context = {
            "site_name": settings.SITE_NAME,
            "site_url": settings.SITE_URL,
            "SITE_NAME": settings.SITE_NAME,
            "CENTRE_NAME": settings.CENTRE_NAME,
            **context,
        }
        subject = " ".join(render_to_string(f"{template}_subject.txt", full_context).split())
        body = render_to_string(f"{template}.txt", full_context)
    messages = [
        EmailMessage(
            subject=subject,
            body=body,
            to=[address],
            reply_to=reply_to or [],
            attachments=attachments or [],
        )
        for address in recipients
    ]
    # robust: the change is saved either way; a mail server hiccup must not turn it into a 500.
    transaction.on_commit(lambda: get_connection().send_messages(messages), robust=True)
