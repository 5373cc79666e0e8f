"""The demo surveys: created once, with their answers, and left alone on a second run."""

from pomyslowice.surveys import demo
from pomyslowice.surveys.models import Response, Survey
from pomyslowice.surveys.results import results_for


def test_demo_surveys_are_seeded_once(users):
    assert demo.seed(users=users) == {"surveys": 2, "survey_responses": 23}
    assert demo.seed(users=users) == {"surveys": 0, "survey_responses": 0}

    closed = Survey.objects.get(title=demo.TRAINING_SURVEY)
    assert closed.status == Survey.Status.CLOSED and closed.is_anonymous
    assert not Response.objects.filter(survey=closed, invitation__isnull=False).exists()
    assert results_for(closed).responses == 20
    named = Survey.objects.get(title=demo.NEEDS_SURVEY)
    assert named.status == Survey.Status.OPEN and not named.is_anonymous
    assert Response.objects.filter(survey=named, invitation__isnull=False).count() == 3
