"""Answering a survey through the personal link in the invitation (`/ankiety/<token>/`)."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from pomyslowice.organizations.forms import add_service_errors

from . import services
from .forms import AnswerForm


def _notice(request, title: str, message: str, status: int = 200):
    return render(
        request, "surveys/public/notice.html", {"title": title, "message": message}, status=status
    )


def _not_found(request):
    return _notice(
        request,
        _("This link is not valid"),
        _("Please check that the whole address from the e-mail was copied."),
        status=404,
    )


def _closed(request):
    return _notice(
        request,
        _("The survey is not open"),
        _("This survey is not accepting answers at the moment. Thank you for your interest."),
    )


@never_cache
def answer(request, token):
    invitation = services.invitation_for_token(token)
    if invitation is None:
        return _not_found(request)
    if invitation.answered:
        return redirect("survey-thanks", token=token)
    survey = invitation.survey
    if not survey.accepts_answers():
        return _closed(request)
    questions = survey.questions.prefetch_related("choices")
    form = AnswerForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_response(invitation=invitation, values=form.values())
        except ValidationError as error:
            add_service_errors(form, error)
        except services.AlreadyAnswered:
            return redirect("survey-thanks", token=token)
        except services.SurveyNotOpen:
            return _closed(request)
        else:
            return redirect("survey-thanks", token=token)
    return render(
        request,
        "surveys/public/answer.html",
        {"title": survey.title, "survey": survey, "form": form},
        status=400 if form.errors else 200,
    )


@never_cache
def thanks(request, token):
    invitation = services.invitation_for_token(token)
    if invitation is None or not invitation.answered:
        return _not_found(request)
    return _notice(
        request,
        _("Thank you"),
        _("Your answers have been saved. Thank you for taking the time to help us."),
    )
