from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import translation

from pomyslowice.core.tasks import email_arguments, enqueue_after_commit, send_email
from pomyslowice.core.text import is_erased_email


def supported_language(code: str | None) -> str:
    """One of settings.LANGUAGES for `code` (e.g. "en-gb" → "en"), else the site's default."""
    try:
        return translation.get_supported_language_variant(code or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def recipient_languages(addresses: list[str], *, default: str | None = None) -> dict[str, str]:
    """The language of e-mails for each address: its account's choice, else `default`.

    One query for all addresses. E-mail addresses of accounts are stored in lower case.
    """
    fallback = supported_language(default)
    accounts = dict(
        get_user_model()
        .objects.filter(email__in={address.lower() for address in addresses})
        .values_list("email", "language")
    )
    return {
        address: supported_language(accounts.get(address.lower(), fallback))
        for address in addresses
    }


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

    Each message is a background task (core.tasks.send_email): sent at the commit with the
    immediate backend, by the worker with the database one. A failure to send never undoes
    the change nor turns the request into an error.

    `template` names a pair of plain-text templates, `<template>_subject.txt` and
    `<template>.txt`. Each recipient gets them in their own language: the one chosen on
    the account with that address, else `language` (what a guest without an account used,
    e.g. stored on their registration), else the site's default. Never the language of
    the person acting: staff often act for someone who reads another language.
    `attachments` are (filename, content, MIME type), e.g. an .ics file for a calendar.
    """
    # Kept records of erased people carry an address that must never receive anything.
    recipients = list(
        dict.fromkeys(address for address in to if address and not is_erased_email(address))
    )
    if not recipients:
        return
    by_language = defaultdict(list)
    for address, recipient_language in recipient_languages(recipients, default=language).items():
        by_language[recipient_language].append(address)
    for recipient_language, addresses in by_language.items():
        subject, body = _render(template, context, language=recipient_language)
        for address in addresses:
            arguments = email_arguments(
                subject=subject,
                body=body,
                to=address,
                reply_to=reply_to or [],
                attachments=attachments or [],
            )
            enqueue_after_commit(send_email, **arguments)


def _render(template: str, context: dict, *, language: str) -> tuple[str, str]:
    with translation.override(language):
        full_context = {
            "site_name": settings.SITE_NAME,
            "site_url": settings.SITE_URL,
            "SITE_NAME": settings.SITE_NAME,
            "CENTRE_NAME": settings.CENTRE_NAME,
            **context,
        }
        subject = " ".join(render_to_string(f"{template}_subject.txt", full_context).split())
        body = render_to_string(f"{template}.txt", full_context)
    return subject, body
