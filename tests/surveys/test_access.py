"""Every persona against every staff page of the surveys, and query counts of the main pages."""

import pytest
from django.contrib.auth.models import AnonymousUser

from pomyslowice.surveys import permissions, services
from tests.conftest import PERSONAS
from tests.surveys.conftest import answer_values, build_survey, invite

BUILDERS = {"coordinator", "analyst"}

# (method, address pattern, which survey) — the survey in the state the action needs.
PAGES = [
    ("get", "", None),
    ("get", "nowa/", None),
    ("get", "{pk}/", "draft"),
    ("get", "{pk}/edytuj/", "draft"),
    ("get", "{pk}/pytania/nowe/", "draft"),
    ("get", "{pk}/pytania/{question}/", "draft"),
    ("post", "{pk}/pytania/{question}/usun/", "draft"),
    ("post", "{pk}/pytania/{question}/przesun/", "draft"),
    ("post", "{pk}/otworz/", "draft"),
    ("get", "{pk}/wyslij/", "open"),
    ("post", "{pk}/przypomnij/", "open"),
    ("post", "{pk}/zamknij/", "open"),
    ("get", "{pk}/wyniki/", "closed"),
    ("get", "{pk}/wyniki.csv", "closed"),
    ("get", "{pk}/wyniki.xlsx", "closed"),
]


def survey_in(state: str, by):
    survey = build_survey(by, open_it=state != "draft")
    if state == "closed":
        services.close_survey(survey=survey, by=by)
    return survey


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("method", "pattern", "state"), PAGES)
def test_every_page_for_every_persona(client_for, users, persona, method, pattern, state):
    survey = survey_in(state, users["analyst"]) if state else None
    address = "/en/panel/ankiety/" + pattern.format(
        pk=survey.pk if survey else 0,
        question=survey.questions.first().pk if survey else 0,
    )
    response = getattr(client_for(persona), method)(address)
    if persona == "anonymous":
        assert response.status_code == 302 and "/konto/login/" in response["Location"]
    elif persona in BUILDERS:
        assert response.status_code == (200 if method == "get" else 302)
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_publishing_needs_the_right_to_write_articles(client_for, users, persona):
    survey = survey_in("closed", users["analyst"])
    response = client_for(persona).post(f"/en/panel/ankiety/{survey.pk}/opublikuj/")
    if persona == "anonymous":
        assert response.status_code == 302 and "/konto/login/" in response["Location"]
    elif persona == "coordinator":
        assert response.status_code == 302 and "/wiedza/" in response["Location"]
    else:
        assert response.status_code == 403
    assert permissions.can_publish_results(users[persona] or AnonymousUser()) == (
        persona == "coordinator"
    )


def test_an_unknown_survey_is_a_404(client_for):
    assert client_for("analyst").get("/en/panel/ankiety/999999/").status_code == 404
    assert client_for("analyst").get("/en/panel/ankiety/999999/wyniki/").status_code == 404


def test_a_question_of_another_survey_is_a_404(client_for, analyst):
    first = build_survey(analyst, open_it=False)
    second = build_survey(analyst, open_it=False, title="Druga")
    foreign = second.questions.first()
    response = client_for("analyst").get(f"/en/panel/ankiety/{first.pk}/pytania/{foreign.pk}/")
    assert response.status_code == 404


def test_list_and_detail_queries_do_not_grow(client_for, analyst, django_assert_max_num_queries):
    client = client_for("analyst")
    surveys = [build_survey(analyst, title=f"Ankieta {n}") for n in range(8)]
    for survey in surveys:
        for person in invite(survey, analyst, "a@example.org", "b@example.org"):
            services.submit_response(invitation=person, values=answer_values(survey))
    with django_assert_max_num_queries(5):
        assert client.get("/en/panel/ankiety/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(f"/en/panel/ankiety/{surveys[0].pk}/").status_code == 200


def test_the_answer_page_queries_do_not_grow(client, analyst, django_assert_max_num_queries):
    survey = build_survey(analyst)
    invitation = invite(survey, analyst, "a@example.org")[0]
    with django_assert_max_num_queries(3):
        assert client.get(f"/en/ankiety/{invitation.token}/").status_code == 200


def test_pages_render_in_polish_too(client_for, client, analyst):
    survey = build_survey(analyst)
    invitation = invite(survey, analyst, "a@example.org")[0]
    staff = client_for("analyst")
    for address in (
        "/panel/ankiety/",
        f"/panel/ankiety/{survey.pk}/",
        f"/panel/ankiety/{survey.pk}/wyniki/",
    ):
        assert staff.get(address).status_code == 200, address
    assert client.get(f"/ankiety/{invitation.token}/").status_code == 200
