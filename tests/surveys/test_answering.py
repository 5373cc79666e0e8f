"""Answering through the personal link: validation, one answer per invitation, closed surveys,
and anonymity that holds in the database itself."""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.utils import timezone

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.surveys import services
from pomyslowice.surveys.models import Answer, Invitation, Response, Survey
from tests.surveys.conftest import answer_values, build_survey, invite, questions_of


def form_data(survey, **overrides) -> dict:
    values = answer_values(survey, **overrides)
    return {f"q{pk}": value for pk, value in values.items()}


def url(invitation) -> str:
    return f"/en/ankiety/{invitation.token}/"


@pytest.fixture
def anna(open_survey, analyst):
    return invite(open_survey, analyst, "anna@example.org")[0]


def test_a_respondent_answers_and_is_thanked(client, open_survey, anna):
    assert client.get(url(anna)).status_code == 200

    response = client.post(url(anna), form_data(open_survey, multiple=("Rano", "W soboty")))

    assert response.status_code == 302 and response["Location"].endswith("/dziekujemy/")
    stored = Response.objects.get()
    assert stored.invitation is None and stored.submitted_on == timezone.localdate()
    questions = questions_of(open_survey)
    assert stored.answers.get(question=questions["scale"]).number == 4
    assert stored.answers.get(question=questions["single"]).choice.text == "Granty"
    assert sorted(
        stored.answers.filter(question=questions["multiple"]).values_list("choice__text", flat=True)
    ) == ["Rano", "W soboty"]
    assert stored.answers.get(question=questions["text"]).text == "Dobrze"
    anna.refresh_from_db()
    assert anna.answered
    assert client.get(response["Location"]).status_code == 200
    # Coming back to the link shows the thank-you page, not the form again.
    assert client.get(url(anna))["Location"].endswith("/dziekujemy/")


def test_a_forged_choice_of_another_question_is_rejected(client, open_survey, anna):
    questions = questions_of(open_survey)
    foreign = questions["multiple"].choices.first().pk
    data = form_data(open_survey) | {f"q{questions['single'].pk}": foreign}

    response = client.post(url(anna), data)

    assert response.status_code == 400
    assert not Response.objects.exists()
    anna.refresh_from_db()
    assert not anna.answered


@pytest.mark.parametrize("scale", [0, 6, "x"])
def test_a_value_off_the_scale_is_rejected(client, open_survey, anna, scale):
    data = form_data(open_survey) | {f"q{questions_of(open_survey)['scale'].pk}": scale}
    assert client.post(url(anna), data).status_code == 400
    assert not Response.objects.exists()


def test_required_questions_must_be_answered(client, open_survey, anna):
    data = form_data(open_survey)
    del data[f"q{questions_of(open_survey)['single'].pk}"]
    response = client.post(url(anna), data)
    assert response.status_code == 400 and not Response.objects.exists()


def test_the_service_rejects_forged_values_too(open_survey, anna):
    questions = questions_of(open_survey)
    values = answer_values(open_survey)
    for question, bad in ((questions["single"], 999999), (questions["scale"], 9)):
        with pytest.raises(services.ValidationError):
            services.submit_response(invitation=anna, values=values | {question.pk: bad})
    assert not Response.objects.exists()


def test_a_second_submission_is_not_stored(client, open_survey, anna):
    client.post(url(anna), form_data(open_survey))
    again = client.post(url(anna), form_data(open_survey, scale=1))
    assert again["Location"].endswith("/dziekujemy/")
    assert Response.objects.count() == 1
    assert not Answer.objects.filter(number=1).exists()


def test_an_unknown_token_is_a_friendly_404(client, open_survey):
    response = client.get("/en/ankiety/zmyslony-token/")
    assert response.status_code == 404 and "not valid" in response.content.decode()
    assert client.get("/en/ankiety/zmyslony-token/dziekujemy/").status_code == 404


def test_a_closed_survey_shows_a_friendly_page(client, open_survey, anna, analyst):
    services.close_survey(survey=open_survey, by=analyst)
    for response in (client.get(url(anna)), client.post(url(anna), form_data(open_survey))):
        assert response.status_code == 200 and "not open" in response.content.decode()
    assert not Response.objects.exists()


def test_an_expired_survey_shows_a_friendly_page(client, open_survey, anna):
    Survey.objects.filter(pk=open_survey.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=10),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    response = client.post(url(anna), form_data(open_survey))
    assert "not open" in response.content.decode() and not Response.objects.exists()


def test_a_survey_not_yet_open_shows_a_friendly_page(client, open_survey, anna):
    Survey.objects.filter(pk=open_survey.pk).update(
        opens_at=timezone.now() + datetime.timedelta(days=1)
    )
    assert "not open" in client.get(url(anna)).content.decode()


def test_a_named_survey_keeps_the_respondent(client, named_survey, analyst):
    ola = invite(named_survey, analyst, "ola@example.org")[0]
    client.post(url(ola), form_data(named_survey))
    assert Response.objects.get().invitation == ola


def test_anonymous_answers_cannot_be_tied_to_a_person(client, open_survey, analyst):
    """From the database alone: no column of a response or answer points at an invitation, a
    user or an address; nothing is finer than the day; keys are random, not a sequence."""
    people = invite(open_survey, analyst, "a@example.org", "b@example.org", "c@example.org")
    for person, scale in zip(people, (1, 3, 5), strict=True):
        client.post(url(person), form_data(open_survey, scale=scale, text=f"opinia {scale}"))

    assert Response.objects.count() == 3 and all(p.answered for p in Invitation.objects.all())
    response_columns = {f.column for f in Response._meta.concrete_fields}
    answer_columns = {f.column for f in Answer._meta.concrete_fields}
    assert response_columns == {"id", "survey_id", "invitation_id", "submitted_on"}
    assert answer_columns == {"id", "response_id", "question_id", "choice_id", "number", "text"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT invitation_id, submitted_on FROM surveys_response")
        rows = cursor.fetchall()
    assert {row[0] for row in rows} == {None}
    assert len({row[1] for row in rows}) == 1  # the day only, the same for everybody
    assert isinstance(Response._meta.pk.default(), type(Answer._meta.pk.default()))
    assert all(r.pk.version == 4 for r in Response.objects.all())
    # Invitations record only that they answered: no time, no link back.
    invitation_columns = {f.column for f in Invitation._meta.concrete_fields}
    assert invitation_columns == {
        "id",
        "survey_id",
        "email",
        "token",
        "sent_at",
        "reminded_at",
        "answered",
    }
    # The audit log does not record the answering either.
    assert not AuditLogEntry.objects.filter(verb__contains="answer").exists()
    assert not AuditLogEntry.objects.filter(verb__contains="response").exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_double_submit_stores_one_response(users):
    survey = build_survey(users["analyst"])
    invitation = invite(survey, users["analyst"], "pospiech@example.org")[0]
    values = answer_values(survey)
    racers = 8
    barrier = threading.Barrier(racers)

    def submit(_index):
        try:
            barrier.wait()
            services.submit_response(invitation=invitation, values=values)
            return "stored"
        except Exception as error:  # any outcome but "stored" is counted and asserted below
            return type(error).__name__
        finally:
            connection.close()

    with ThreadPoolExecutor(racers) as pool:
        outcomes = list(pool.map(submit, range(racers)))

    assert outcomes.count("stored") == 1
    assert sorted(outcomes) == ["AlreadyAnswered"] * (racers - 1) + ["stored"]
    assert Response.objects.filter(survey=survey).count() == 1
    assert Answer.objects.filter(response__survey=survey).count() == 4
