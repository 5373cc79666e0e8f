"""The staff's pages for building, sending and reading surveys (`/panel/ankiety/`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from pomyslowice.organizations.forms import add_service_errors

from . import exports, services
from .forms import AudienceForm, QuestionForm, SurveyForm
from .models import Question, Survey
from .permissions import (
    can_change_surveys,
    can_create_surveys,
    can_publish_results,
    can_see_results,
    can_view_surveys,
    get_survey_for_user,
    require,
)
from .results import results_for


def _survey_to_change(request, pk) -> Survey:
    survey = get_survey_for_user(request.user, pk)
    require(can_change_surveys(request.user))
    return survey


def _question_to_change(request, pk, question_pk) -> Question:
    survey = _survey_to_change(request, pk)
    return get_object_or_404(
        Question.objects.select_related("survey"), survey=survey, pk=question_pk
    )


def _refuse_unless_draft(request, survey: Survey):
    """Questions people may already have answered must not change under them."""
    if survey.is_draft:
        return None
    messages.error(request, services.NOT_DRAFT)
    return redirect(survey)


def _report(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
def survey_list(request):
    require(can_view_surveys(request.user))
    return render(
        request,
        "surveys/list.html",
        {
            "title": _("Participant surveys"),
            "surveys": Survey.objects.with_counts().newest_first(),
            "can_create": can_create_surveys(request.user),
        },
    )


@login_required
def survey_create(request):
    require(can_create_surveys(request.user))
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.create_survey(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The survey has been created. Now add its questions."))
            return redirect(survey)
    return render(request, "surveys/survey_form.html", {"title": _("New survey"), "form": form})


@login_required
def survey_edit(request, pk):
    survey = _survey_to_change(request, pk)
    if refusal := _refuse_unless_draft(request, survey):
        return refusal
    form = SurveyForm(request.POST or None, instance=Survey.objects.get(pk=survey.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_survey(survey=survey, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The survey has been saved."))
            return redirect(survey)
    return render(
        request,
        "surveys/survey_form.html",
        {"title": _("Change the survey"), "form": form, "survey": survey},
    )


@login_required
def survey_detail(request, pk):
    survey = get_survey_for_user(request.user, pk)
    survey = Survey.objects.with_counts().select_related("article").get(pk=survey.pk)
    return render(
        request,
        "surveys/detail.html",
        {
            "title": survey.title,
            "survey": survey,
            "questions": survey.questions.prefetch_related("choices"),
            "can_change": can_change_surveys(request.user),
            "can_see_results": can_see_results(request.user),
        },
    )


def _question_page(request, form, survey, title, question=None):
    return render(
        request,
        "surveys/question_form.html",
        {"title": title, "form": form, "survey": survey, "question": question},
    )


@login_required
def question_add(request, pk):
    survey = _survey_to_change(request, pk)
    if refusal := _refuse_unless_draft(request, survey):
        return refusal
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_question(survey=survey, by=request.user, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The question has been added."))
            return redirect(survey)
    return _question_page(request, form, survey, _("Add a question"))


@login_required
def question_edit(request, pk, question_pk):
    question = _question_to_change(request, pk, question_pk)
    survey = question.survey
    if refusal := _refuse_unless_draft(request, survey):
        return refusal
    form = QuestionForm(request.POST or None, instance=Question.objects.get(pk=question.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_question(question=question, by=request.user, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The question has been saved."))
            return redirect(survey)
    return _question_page(request, form, survey, _("Change the question"), question)


@login_required
@require_POST
def question_delete(request, pk, question_pk):
    question = _question_to_change(request, pk, question_pk)
    try:
        services.delete_question(question=question, by=request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("The question has been removed."))
    return redirect(question.survey)


@login_required
@require_POST
def question_move(request, pk, question_pk):
    question = _question_to_change(request, pk, question_pk)
    try:
        services.move_question(
            question=question, by=request.user, up=request.POST.get("direction") == "up"
        )
    except ValidationError as error:
        _report(request, error)
    return redirect(question.survey)


def _state_change(request, pk, change, success: str):
    survey = _survey_to_change(request, pk)
    try:
        change(survey=survey, by=request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, success)
    return redirect(survey)


@login_required
@require_POST
def survey_open(request, pk):
    return _state_change(request, pk, services.open_survey, _("The survey is open for answers."))


@login_required
@require_POST
def survey_close(request, pk):
    return _state_change(request, pk, services.close_survey, _("The survey has been closed."))


@login_required
def survey_send(request, pk):
    survey = _survey_to_change(request, pk)
    form = AudienceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sending = services.invite(
                survey=survey,
                emails=form.emails(),
                by=request.user,
                audience=form.cleaned_data["audience"],
                language=translation.get_language(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The survey was sent to %(sent)d address (%(skipped)d invited before).",
                    "The survey was sent to %(sent)d addresses (%(skipped)d invited before).",
                    sending.sent,
                )
                % {"sent": sending.sent, "skipped": sending.skipped},
            )
            return redirect(survey)
    return render(
        request,
        "surveys/send.html",
        {"title": _("Send the survey"), "form": form, "survey": survey},
    )


@login_required
@require_POST
def survey_remind(request, pk):
    survey = _survey_to_change(request, pk)
    try:
        count = services.send_reminders(
            survey=survey, by=request.user, language=translation.get_language()
        )
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(
            request,
            ngettext(
                "A reminder was sent to %(count)d person.",
                "A reminder was sent to %(count)d people.",
                count,
            )
            % {"count": count},
        )
    return redirect(survey)


def _results_of(request, pk):
    survey = get_survey_for_user(request.user, pk)
    require(can_see_results(request.user))
    return results_for(survey)


@login_required
def survey_results(request, pk):
    results = _results_of(request, pk)
    return render(
        request,
        "surveys/results.html",
        {
            "title": _("Results: %(title)s") % {"title": results.survey.title},
            "survey": results.survey,
            "results": results,
            "can_publish": can_publish_results(request.user),
        },
    )


@login_required
def results_csv(request, pk):
    results = _results_of(request, pk)
    response = HttpResponse(exports.as_csv(results), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(results, "csv")}"'
    return response


@login_required
def results_xlsx(request, pk):
    results = _results_of(request, pk)
    response = HttpResponse(
        exports.as_xlsx(results),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(results, "xlsx")}"'
    return response


@login_required
@require_POST
def survey_publish(request, pk):
    survey = get_survey_for_user(request.user, pk)
    require(can_publish_results(request.user))
    try:
        article = services.publish_results(survey=survey, by=request.user)
    except ValidationError as error:
        _report(request, error)
        return redirect("surveys:results", pk=survey.pk)
    messages.success(
        request,
        _(
            "A draft research article with the results has been created. "
            "It goes through the usual review."
        ),
    )
    return redirect(article)
