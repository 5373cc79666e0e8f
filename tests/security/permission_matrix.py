"""The permission matrix: for every route, what each persona gets, and who may change things.

Keys are URL names (with their namespace), API operation ids, "admin:…" for the two admin pages
that stand for the whole admin site, and the raw pattern for the one unnamed route. Values say:

* what a GET answers, per persona: a status code, LOGIN (a redirect to a log-in page) or
  REDIRECT (a redirect anywhere else);
* `writers`: who may send a POST (by default everyone whose GET is not refused). Everyone else
  must be refused (LOGIN, 400, 401, 403, 404 or 405) and nothing may change;
* `on`: which sample object of tests/security/conftest.py fills the URL's parameters, and
  `query` what follows the "?".
"""

import datetime
from dataclasses import dataclass, field

from tests.conftest import PERSONAS, STAFF_PERSONAS

LOGIN = "login"
REDIRECT = "redirect"
LOGGED_IN = tuple(persona for persona in PERSONAS if persona != "anonymous")
REFUSED = frozenset({LOGIN, 400, 401, 403, 404, 405})


@dataclass(frozen=True)
class Expect:
    get: dict[str, int | str] = field(default_factory=dict)
    writers: tuple[str, ...] | None = None
    on: str | None = None
    query: str = ""
    # Refused with a redirect back and an error message instead of a 4xx; nothing may change.
    bounced: tuple[str, ...] = ()

    def may_write(self, persona: str) -> bool:
        if self.writers is not None:
            return persona in self.writers
        return self.get.get(persona) not in REFUSED


def expect(default, *, writers=None, on=None, query="", bounced=(), **statuses) -> Expect:
    """`default` for every persona but those named."""
    unknown = set(statuses) - set(PERSONAS)
    assert not unknown, f"not personas: {unknown}"
    return Expect(
        get={persona: statuses.get(persona, default) for persona in PERSONAS},
        writers=writers,
        on=on,
        query=query,
        bounced=bounced,
    )


def public(**options) -> Expect:
    return expect(200, **options)


def everyone(status, **options) -> Expect:
    return expect(status, **options)


def login_required(**options) -> Expect:
    return expect(200, anonymous=LOGIN, **options)


def token_required(**options) -> Expect:
    """API reads about the caller: a personal token is needed."""
    return expect(200, anonymous=401, **options)


def only(*allowed, denied, anonymous=LOGIN, **options) -> Expect:
    """200 for the personas named, `denied` for the other logged-in ones."""
    statuses = dict.fromkeys(allowed, 200)
    for name in list(options):
        if name in PERSONAS:
            statuses[name] = options.pop(name)
    return expect(denied, anonymous=anonymous, **statuses, **options)


def post_only(*writers, refused=405, anonymous=LOGIN, bounced=(), **options) -> Expect:
    """A form target: GET is 405 for those who pass the access check (the writers and the
    bounced), `refused` for the other logged-in personas; only the writers may POST."""
    get = dict.fromkeys((*writers, *bounced), 405)
    return expect(refused, anonymous=anonymous, writers=writers, bounced=bounced, **get, **options)


def write_only(writers, **options) -> Expect:
    """An API operation without a GET: only the writers may call it."""
    return Expect(writers=writers, **options)


ADMIN_STAFF = ("coordinator", "analyst", "ngo_caretaker", "volunteer_caretaker", "technical_admin")
# Staff accounts are refused self-service deletion (403); everyone else may delete their own.
SELF_DELETERS = tuple(persona for persona in LOGGED_IN if persona not in ADMIN_STAFF)
# A "small partnerships" plan is the organisation's and its caretakers'; to others it is a 404.
STRATEGY_EDITORS = ("representative", "coordinator", "ngo_caretaker")


def strategy_page(*, on) -> Expect:
    return only(*STRATEGY_EDITORS, denied=404, anonymous=404, on=on)


def strategy_post(*, on) -> Expect:
    return post_only(*STRATEGY_EDITORS, anonymous=405, on=on)


MATRIX = {
    "getMe": token_required(),
    "listOrganizations": public(),
    "getOrganization": public(on="organization"),
    "listPeople": public(),
    "listAreas": public(),
    "listDistricts": public(),
    "listGrantCalls": public(),
    "listEvents": public(),
    "getEvent": public(on="event"),
    "registerForEvent": write_only(writers=LOGGED_IN, on="event"),
    "listConsultingServices": public(),
    "listConsultingSlots": public(on="consulting_service"),
    "bookConsultingAppointment": write_only(writers=LOGGED_IN),
    "listMyConsultingAppointments": token_required(),
    "listRooms": public(),
    "getRoom": public(on="room"),
    "getRoomAvailability": public(on="room", query=f"date={datetime.date.today().isoformat()}"),
    "requestRoomBooking": write_only(writers=LOGGED_IN),
    "listMyRoomBookings": token_required(),
    "listArticles": public(),
    "getArticle": public(on="article"),
    "search": public(),
    "listOpportunities": public(),
    "getOpportunity": expect(200, volunteer_minor=404, on="offer"),
    "healthz": public(),
    "ping": public(),
    "api-v1:openapi-json": public(),
    "api-v1:openapi-view": public(),
    "api-v1:api-root": everyone(404),
    "set_language": everyone(REDIRECT),
    "home": public(),
    "core:accessibility": public(),
    "privacy:policy": public(),
    "privacy:consents": login_required(),
    "privacy:consent-withdraw": post_only("resident", on="consent_record"),
    "privacy:consent-register": only("coordinator", denied=403),
    "mine": login_required(),
    "accounts:profile": login_required(),
    "accounts:tokens": login_required(),
    "accounts:token-revoke": post_only("resident", on="api_token"),
    "privacy:my-data": login_required(),
    "privacy:download": post_only(*LOGGED_IN),
    "privacy:delete-account": login_required(writers=SELF_DELETERS),
    "privacy:requests": only("coordinator", denied=403),
    "privacy:request-new": only("coordinator", denied=403),
    "privacy:request-detail": only("coordinator", denied=403, on="data_request"),
    "privacy:request-download": post_only("coordinator", on="data_request"),
    "privacy:request-erase": post_only("coordinator", on="data_request"),
    "privacy:request-close": post_only("coordinator", on="data_request"),
    "privacy:access-log": only("coordinator", denied=403),
    "privacy:access-log-csv": only("coordinator", denied=403),
    "account_login": only(denied=REDIRECT, anonymous=200),
    "account_logout": expect(200, anonymous=REDIRECT),
    "account_inactive": public(),
    "account_signup": only(denied=REDIRECT, anonymous=200),
    "account_reauthenticate": login_required(),
    "account_request_reauthentication_code": login_required(),
    "account_confirm_reauthentication_code": only(denied=REDIRECT),
    "account_email": login_required(),
    "account_email_verification_sent": public(),
    "account_change_password": login_required(),
    "account_set_password": only(denied=REDIRECT),
    "account_reset_password": public(),
    "account_confirm_login_code": only(denied=REDIRECT),
    "account_confirm_email": public(on="email_key"),
    "account_reset_password_from_key_done": public(),
    "account_reset_password_from_key": public(on="reset_key"),
    "account_reset_password_done": public(),
    # Two-step verification (allauth.mfa). Staff personas have an authenticator app and no
    # recovery codes, the others have neither; changing anything asks for the password again
    # first (a redirect). The code at log-in is asked only in the middle of a log-in.
    "mfa_index": login_required(),
    "mfa_authenticate": expect(REDIRECT, anonymous=LOGIN),
    "mfa_reauthenticate": only(*STAFF_PERSONAS, denied=REDIRECT),
    "mfa_activate_totp": expect(REDIRECT, anonymous=LOGIN),
    "mfa_deactivate_totp": only(denied=404, **dict.fromkeys(STAFF_PERSONAS, REDIRECT)),
    "mfa_view_recovery_codes": expect(404, anonymous=LOGIN),
    "mfa_generate_recovery_codes": expect(REDIRECT, anonymous=LOGIN),
    "mfa_download_recovery_codes": expect(404, anonymous=LOGIN),
    "organizations:list": public(),
    "organizations:register": login_required(),
    "organizations:moderation": only("coordinator", "ngo_caretaker", denied=403),
    "organizations:approve": post_only(
        "coordinator", "ngo_caretaker", refused=403, on="pending_organization"
    ),
    "organizations:reject": only(
        "coordinator", "ngo_caretaker", denied=403, on="pending_organization"
    ),
    "organizations:claim-approve": post_only(
        "coordinator", "ngo_caretaker", refused=403, on="claim"
    ),
    "organizations:claim-reject": only("coordinator", "ngo_caretaker", denied=403, on="claim"),
    "organizations:detail": public(on="organization"),
    "organizations:edit": only(
        "representative", "coordinator", "ngo_caretaker", denied=403, on="organization"
    ),
    "organizations:claim": expect(200, anonymous=LOGIN, representative=REDIRECT, on="organization"),
    "organizations:caretaker": post_only("coordinator", "ngo_caretaker", on="organization"),
    "people:list": public(),
    "people:my-profile": login_required(),
    "people:withdraw-consent": post_only("representative", on="consent_field"),
    "people:my-profile-delete": only("representative", denied=404),
    "people:add": only("coordinator", "ngo_caretaker", "volunteer_caretaker", denied=403),
    "people:pending": only("coordinator", "ngo_caretaker", "volunteer_caretaker", denied=403),
    "people:resend": post_only(
        "coordinator", "ngo_caretaker", "volunteer_caretaker", refused=403, on="draft_person"
    ),
    "people:discard": post_only(
        "coordinator", "ngo_caretaker", "volunteer_caretaker", refused=403, on="draft_person"
    ),
    "people:consent-request": public(),
    "people:consent": everyone(400, on="token"),
    "people:detail": public(on="person"),
    "people:contact": public(on="person"),
    "events:list": public(),
    "events:submit": only(
        "representative", "representative_other_org", "coordinator", "ngo_caretaker", denied=403
    ),
    "events:widget": public(),
    "events:widget-code": public(),
    "events:moderation": only("coordinator", "ngo_caretaker", denied=403),
    "events:approve": post_only("coordinator", "ngo_caretaker", refused=403, on="submitted_event"),
    "events:reject": only("coordinator", "ngo_caretaker", denied=403, on="submitted_event"),
    "events:current-month": everyone(REDIRECT),
    "events:month": public(on="month"),
    "events:feed": public(),
    "events:ics": public(on="event"),
    "events:certificate": only(
        "resident", "coordinator", "ngo_caretaker", denied=404, on="registration"
    ),
    "events:feedback": everyone(400, on="token"),
    "events:registration-confirm": everyone(400, on="token"),
    "events:registration-manage": everyone(400, on="token"),
    "events:register": public(on="event"),
    "events:attendees": only("coordinator", "ngo_caretaker", denied=403, on="event"),
    "events:attendees-csv": only("coordinator", "ngo_caretaker", denied=403, on="event"),
    "events:attendance": post_only(
        "coordinator", "ngo_caretaker", refused=403, on="event_registration"
    ),
    "events:registration-approve": post_only(
        "coordinator", "ngo_caretaker", refused=403, on="event_registration"
    ),
    "events:registration-settings": only("coordinator", "ngo_caretaker", denied=403, on="event"),
    "events:registration-close": post_only("coordinator", "ngo_caretaker", refused=403, on="event"),
    "events:feedback-send": post_only("coordinator", "ngo_caretaker", refused=403, on="event"),
    "events:message-all": post_only("coordinator", "ngo_caretaker", refused=403, on="event"),
    "events:detail": public(on="event"),
    "events:edit": only("coordinator", "ngo_caretaker", denied=403, on="event"),
    "events:cancel": only("coordinator", "ngo_caretaker", denied=403, on="event"),
    "events:postpone": only("coordinator", "ngo_caretaker", denied=403, on="event"),
    "centre:index": public(),
    "centre:room-list": public(),
    "centre:booking-mine": login_required(),
    "centre:booking-queue": only("coordinator", "ngo_caretaker", denied=403),
    "centre:booking-all": only("coordinator", "ngo_caretaker", denied=403),
    "centre:booking-detail": only(
        "representative", "coordinator", "ngo_caretaker", denied=404, on="booking"
    ),
    "centre:booking-cancel": post_only(
        "representative", "coordinator", "ngo_caretaker", on="booking"
    ),
    "centre:booking-approve": post_only("coordinator", "ngo_caretaker", on="booking"),
    "centre:booking-reject": post_only("coordinator", "ngo_caretaker", on="booking"),
    "centre:booking-series": only(denied=404, on="booking_series"),
    "centre:room-detail": public(on="room"),
    "centre:booking-request": login_required(on="room"),
    "centre:equipment-list": public(),
    "centre:equipment-reserve": only(
        "representative", "representative_other_org", "coordinator", "ngo_caretaker", denied=403
    ),
    "centre:equipment-mine": login_required(),
    "centre:equipment-lending": only("coordinator", "ngo_caretaker", denied=403),
    "centre:equipment-reservation-detail": only(
        "representative", "coordinator", "ngo_caretaker", denied=404, on="equipment_reservation"
    ),
    "centre:equipment-reservation-cancel": post_only(
        "representative", "coordinator", "ngo_caretaker", on="equipment_reservation"
    ),
    "centre:equipment-reservation-check-out": post_only(
        "coordinator", "ngo_caretaker", refused=403, on="equipment_reservation"
    ),
    "centre:equipment-reservation-return": post_only(
        "coordinator", "ngo_caretaker", refused=403, on="equipment_reservation"
    ),
    "centre:consulting-services": public(),
    "centre:consulting-appointments": only("coordinator", "ngo_caretaker", denied=404),
    "centre:consulting-appointment": only(
        "representative", "coordinator", "ngo_caretaker", denied=404, on="appointment"
    ),
    "centre:consulting-cancel": post_only(
        "representative", "coordinator", "ngo_caretaker", on="appointment"
    ),
    "centre:consulting-reschedule": only(
        denied=404,
        representative=REDIRECT,
        coordinator=REDIRECT,
        ngo_caretaker=REDIRECT,
        on="appointment",
    ),
    "centre:consulting-outcome": only("coordinator", "ngo_caretaker", denied=404, on="appointment"),
    "centre:consulting-availability": only("ngo_caretaker", denied=404),
    # The sample rule belongs to another consultant: staff reach the action, nobody may use it.
    "centre:consulting-availability-remove": only(
        denied=404, coordinator=405, ngo_caretaker=405, on="availability"
    ),
    "centre:consulting-confirm": everyone(400, on="token"),
    "centre:consulting-manage": everyone(400, on="token"),
    "centre:consulting-manage-cancel": everyone(405, on="token"),
    "centre:consulting-manage-reschedule": everyone(400, on="token"),
    "centre:consulting-service": public(on="consulting_service"),
    "centre:consulting-book": everyone(REDIRECT, on="consulting_service"),
    "centre:mail-register": only("coordinator", "ngo_caretaker", denied=404),
    "centre:mail-add": only("coordinator", "ngo_caretaker", denied=404),
    "centre:mail-organizations": only("coordinator", "ngo_caretaker", denied=404),
    "centre:mail-uncollected": only("coordinator", "ngo_caretaker", denied=404),
    "centre:mail-remind": post_only("coordinator", "ngo_caretaker", anonymous=405),
    "centre:mail-mine": only("representative", "representative_other_org", denied=404),
    "centre:mail-detail": only(
        "representative", "coordinator", "ngo_caretaker", denied=404, on="mail_item"
    ),
    "centre:mail-pickup": post_only("coordinator", "ngo_caretaker", anonymous=405, on="mail_item"),
    "centre:mail-return": post_only("coordinator", "ngo_caretaker", anonymous=405, on="mail_item"),
    "centre:caretaking-overview": only(
        "coordinator", "analyst", "ngo_caretaker", "volunteer_caretaker", denied=403
    ),
    "centre:timeline-detail": only(
        "coordinator",
        "analyst",
        "ngo_caretaker",
        "volunteer_caretaker",
        denied=403,
        on="organization",
    ),
    "centre:caretaking-contact-add": only(
        "coordinator", "ngo_caretaker", denied=403, on="organization"
    ),
    "centre:caretaking-contact-edit": only(
        "coordinator", "ngo_caretaker", denied=403, on="caretaking_contact"
    ),
    "centre:caretaking-contact-delete": post_only(
        "coordinator", "ngo_caretaker", on="caretaking_contact"
    ),
    "centre:caretaking-task-add": only(
        "coordinator", "ngo_caretaker", denied=403, on="organization"
    ),
    "centre:caretaking-task-complete": post_only(
        "coordinator", "ngo_caretaker", on="caretaking_task"
    ),
    "centre:caretaking-task-reopen": post_only(
        "coordinator", "ngo_caretaker", on="caretaking_task"
    ),
    "centre:strategy-detail": strategy_page(on="organization"),
    "centre:strategy-edit": strategy_page(on="organization"),
    "centre:strategy-action-add": strategy_post(on="organization"),
    "centre:strategy-action-edit": strategy_page(on="strategy_action"),
    "centre:strategy-action-delete": strategy_post(on="strategy_action"),
    "centre:strategy-review-add": strategy_page(on="organization"),
    "centre:strategy-review-edit": strategy_page(on="strategy_review"),
    "centre:strategy-review-delete": strategy_post(on="strategy_review"),
    "centre:strategy-versions": strategy_page(on="organization"),
    "centre:strategy-version": strategy_page(on="strategy_version"),
    "centre:strategy-print": strategy_page(on="organization"),
    "centre:strategy-pdf": strategy_page(on="organization"),
    "knowledge:list": public(),
    "knowledge:new": only(
        "representative", "representative_other_org", "coordinator", "ngo_caretaker", denied=404
    ),
    "knowledge:review": only(
        "coordinator", "analyst", "ngo_caretaker", "volunteer_caretaker", denied=404
    ),
    "knowledge:mine": only(
        "representative", "representative_other_org", "coordinator", "ngo_caretaker", denied=404
    ),
    "knowledge:tag": public(on="tag"),
    "knowledge:feed": public(on="article_kind"),
    "knowledge:kind": public(on="article_kind"),
    "knowledge:detail": public(on="article"),
    "knowledge:edit": only("coordinator", "ngo_caretaker", denied=404, on="article"),
    "knowledge:submit": post_only("coordinator", "ngo_caretaker", on="article"),
    "knowledge:publish": post_only("coordinator", "ngo_caretaker", on="article"),
    "knowledge:return": post_only("coordinator", "ngo_caretaker", on="article"),
    "knowledge:archive": post_only("coordinator", "ngo_caretaker", on="article"),
    "knowledge:report": everyone(404, on="article"),
    "knowledge:attachment-add": post_only("coordinator", "ngo_caretaker", on="article"),
    "knowledge:attachment": everyone(404, on="attachment"),
    "knowledge:attachment-remove": post_only("coordinator", "ngo_caretaker", on="attachment"),
    "knowledge:revisions": only(
        "coordinator", "analyst", "ngo_caretaker", "volunteer_caretaker", denied=404, on="article"
    ),
    "knowledge:revision": only(
        "coordinator", "analyst", "ngo_caretaker", "volunteer_caretaker", denied=404, on="revision"
    ),
    # Staff who read drafts reach the action, but only editors restore; the others are sent
    # back to the history with an error message.
    "knowledge:restore": post_only(
        "coordinator",
        "ngo_caretaker",
        bounced=("analyst", "volunteer_caretaker"),
        on="revision",
    ),
    "volunteering:index": public(),
    "volunteering:offer_create": only(
        "representative",
        "representative_other_org",
        "coordinator",
        "volunteer_caretaker",
        denied=404,
    ),
    "volunteering:offer": expect(200, volunteer_minor=404, on="offer"),
    "volunteering:offer_edit": only(
        "representative", "coordinator", "volunteer_caretaker", denied=404, on="offer"
    ),
    "volunteering:offer_submit": post_only(
        "representative", "coordinator", "volunteer_caretaker", on="offer"
    ),
    "volunteering:offer_close": post_only(
        "representative", "coordinator", "volunteer_caretaker", on="offer"
    ),
    "volunteering:host_offers": only(
        "representative",
        "representative_other_org",
        "coordinator",
        "volunteer_caretaker",
        denied=404,
    ),
    "volunteering:review_queue": only("coordinator", "volunteer_caretaker", denied=404),
    "volunteering:offer_review": only(
        "coordinator", "volunteer_caretaker", denied=404, on="offer_in_review"
    ),
    "volunteering:profile": login_required(),
    "volunteering:profile_delete": post_only(
        "resident",
        "representative",
        "representative_other_org",
        "volunteer",
        "volunteer_minor",
        "coordinator",
        "analyst",
        "ngo_caretaker",
        "volunteer_caretaker",
        "technical_admin",
    ),
    "volunteering:apply": expect(200, anonymous=LOGIN, volunteer_minor=404, on="offer"),
    "volunteering:offer_applications": only(
        "representative", "coordinator", "volunteer_caretaker", denied=404, on="offer"
    ),
    "volunteering:my_applications": login_required(),
    "volunteering:application": only(
        "volunteer", "coordinator", "volunteer_caretaker", denied=404, on="application"
    ),
    "volunteering:application_accept": post_only(
        "coordinator", "volunteer_caretaker", on="application"
    ),
    "volunteering:application_decline": post_only(
        "coordinator", "volunteer_caretaker", on="application"
    ),
    "volunteering:application_withdraw": post_only("volunteer", on="application"),
    "volunteering:offers_for_me": login_required(),
    "volunteering:volunteers_for_offer": only(
        "representative", "coordinator", "volunteer_caretaker", denied=404, on="offer"
    ),
    "volunteering:engagements": login_required(),
    "volunteering:engagement": only(
        "volunteer", "coordinator", "volunteer_caretaker", denied=404, on="engagement"
    ),
    "volunteering:agreement": only(
        "volunteer", "coordinator", "volunteer_caretaker", denied=404, on="engagement"
    ),
    "volunteering:agreement_version": only(
        "volunteer", "coordinator", "volunteer_caretaker", denied=404, on="agreement"
    ),
    "volunteering:agreement_pdf": only(
        "volunteer", "coordinator", "volunteer_caretaker", denied=404, on="agreement"
    ),
    "volunteering:agreement_confirm": post_only(
        "volunteer", "coordinator", "volunteer_caretaker", on="agreement"
    ),
    "volunteering:agreement_request": post_only("volunteer", on="engagement"),
    "volunteering:engagement_safety": only(
        "volunteer", "coordinator", "volunteer_caretaker", denied=404, on="engagement"
    ),
    "volunteering:engagement_insurance": only(
        "coordinator", "volunteer_caretaker", denied=404, volunteer=403, on="engagement"
    ),
    "volunteering:guardian_consent": only(
        "coordinator", "volunteer_caretaker", denied=404, volunteer=403, on="engagement"
    ),
    "volunteering:guardian_consent_file": only(denied=404, on="engagement"),
    "volunteering:engagement_register": only(
        "coordinator", "volunteer_caretaker", denied=404, volunteer=403, on="engagement"
    ),
    "volunteering:engagement_start": post_only(
        "coordinator", "volunteer_caretaker", on="engagement"
    ),
    "volunteering:engagement_end": only(
        "volunteer", "coordinator", "volunteer_caretaker", denied=404, on="engagement"
    ),
    "volunteering:engagement_call_off": only(
        "coordinator", "volunteer_caretaker", denied=404, volunteer=403, on="engagement"
    ),
    "volunteering:hours": only(
        "volunteer", "coordinator", "volunteer_caretaker", denied=404, on="engagement"
    ),
    "volunteering:hours_overview": only(
        "representative",
        "representative_other_org",
        "coordinator",
        "volunteer_caretaker",
        denied=404,
    ),
    "volunteering:hours_csv": only("coordinator", "volunteer_caretaker", denied=404),
    "volunteering:hours_correct": only("volunteer", denied=404, on="hours_entry"),
    "volunteering:hours_approve": post_only("coordinator", "volunteer_caretaker", on="hours_entry"),
    "volunteering:hours_query": post_only("coordinator", "volunteer_caretaker", on="hours_entry"),
    "volunteering:certificates": only(
        "volunteer", "coordinator", "volunteer_caretaker", denied=404, on="engagement"
    ),
    "volunteering:certificate_issue": post_only(
        "coordinator", "volunteer_caretaker", on="certificate_request"
    ),
    "volunteering:certificate_pdf": only(denied=404, on="certificate_request"),
    "volunteering:outreach": only("coordinator", "analyst", "volunteer_caretaker", denied=404),
    "volunteering:outreach_create": only("coordinator", "volunteer_caretaker", denied=404),
    "volunteering:outreach_detail": only(
        "coordinator", "analyst", "volunteer_caretaker", denied=404, on="outreach_meeting"
    ),
    "volunteering:outreach_edit": only(
        "coordinator", "volunteer_caretaker", denied=404, on="outreach_meeting"
    ),
    "volunteering:outreach_join": everyone(REDIRECT, on="outreach_code"),
    "volunteering:group": only("coordinator", "volunteer_caretaker", denied=404),
    "volunteering:group_member_add": only("coordinator", "volunteer_caretaker", denied=404),
    "volunteering:group_member_edit": only(
        "coordinator", "volunteer_caretaker", denied=404, on="group_member"
    ),
    "volunteering:group_meeting_add": only("coordinator", "volunteer_caretaker", denied=404),
    "volunteering:group_meeting": only(
        "coordinator", "volunteer_caretaker", denied=404, on="group_meeting"
    ),
    "volunteering:group_meeting_edit": only(
        "coordinator", "volunteer_caretaker", denied=404, on="group_meeting"
    ),
    "volunteering:group_action_add": only("coordinator", "volunteer_caretaker", denied=404),
    "volunteering:group_action_edit": only(
        "coordinator", "volunteer_caretaker", denied=404, on="group_action"
    ),
    "search:results": public(),
    "calendar-ics": public(),
    "grants:list": public(),
    "grants:feed": public(),
    "grants:add": only("coordinator", "ngo_caretaker", denied=403),
    "grants:subscribe": login_required(),
    "grants:detail": public(on="grant_call"),
    "grants:edit": only("coordinator", "ngo_caretaker", denied=403, on="grant_call"),
    "surveys:list": only("coordinator", "analyst", denied=403),
    "surveys:create": only("coordinator", "analyst", denied=403),
    "surveys:detail": only("coordinator", "analyst", denied=403, on="survey"),
    "surveys:edit": only(denied=403, coordinator=REDIRECT, analyst=REDIRECT, on="survey"),
    "surveys:question-add": only(denied=403, coordinator=REDIRECT, analyst=REDIRECT, on="survey"),
    "surveys:question-edit": only(
        denied=403, coordinator=REDIRECT, analyst=REDIRECT, on="survey_question"
    ),
    "surveys:question-delete": post_only("coordinator", "analyst", on="survey_question"),
    "surveys:question-move": post_only("coordinator", "analyst", on="survey_question"),
    "surveys:open": post_only("coordinator", "analyst", on="survey"),
    "surveys:close": post_only("coordinator", "analyst", on="survey"),
    "surveys:send": only("coordinator", "analyst", denied=403, on="survey"),
    "surveys:remind": post_only("coordinator", "analyst", on="survey"),
    "surveys:results": only("coordinator", "analyst", denied=403, on="survey"),
    "surveys:results-csv": only("coordinator", "analyst", denied=403, on="survey"),
    "surveys:results-xlsx": only("coordinator", "analyst", denied=403, on="survey"),
    "surveys:publish": post_only("coordinator", on="survey"),
    "reports:panel": only(
        "coordinator",
        "analyst",
        "ngo_caretaker",
        "volunteer_caretaker",
        "technical_admin",
        denied=403,
    ),
    "reports:panel-booking-approve": post_only("coordinator", "ngo_caretaker", on="booking"),
    "reports:panel-equipment-check-out": post_only(
        "coordinator", "ngo_caretaker", on="equipment_reservation"
    ),
    "reports:panel-hours-approve": post_only(
        "coordinator", "volunteer_caretaker", on="hours_entry"
    ),
    "reports:projects": only("coordinator", "analyst", denied=403),
    "reports:project-create": only("coordinator", "analyst", denied=403),
    "reports:project": only("coordinator", "analyst", denied=403, on="project"),
    "reports:project-edit": only("coordinator", "analyst", denied=403, on="project"),
    "reports:budget": only("coordinator", "analyst", denied=403, on="project"),
    "reports:budget-line-add": only("coordinator", "analyst", denied=403, on="project"),
    "reports:budget-line": only("coordinator", "analyst", denied=403, on="budget_line"),
    "reports:budget-line-edit": only("coordinator", "analyst", denied=403, on="budget_line"),
    "reports:expense-add": only("coordinator", denied=403, on="project"),
    "reports:expense-document": only(denied=403, coordinator=404, analyst=404, on="expense"),
    "reports:exports": only("coordinator", "analyst", denied=403),
    "reports:funder-report": only("coordinator", "analyst", denied=403, on="project"),
    "reports:funder-report-file": only("coordinator", "analyst", denied=403, on="report_file"),
    "survey-answer": everyone(404, on="token"),
    "survey-thanks": everyone(404, on="token"),
    "opendata:index": public(),
    "opendata:catalog": everyone(404),
    "opendata:hsds": public(),
    "opendata:download-csv": everyone(404, on="dataset"),
    "opendata:download-json": everyone(404, on="dataset"),
    "opendata:dataset": public(on="dataset"),
    "^api/": everyone(404),
    # The admin site stands for all its pages: Django guards them alike (staff only, then the
    # model permissions); a logged-in non-staff user is sent to the admin's log-in page.
    "admin:index": only(*ADMIN_STAFF, denied=LOGIN),
    "admin:core_areaofbenefit_changelist": only(
        "coordinator",
        "analyst",
        "technical_admin",
        denied=LOGIN,
        ngo_caretaker=403,
        volunteer_caretaker=403,
    ),
}
