"""Consulting in the API: the services and their free slots (public), booking and listing
appointments (the token's owner only). Questions and notes of other people never leave here."""

import datetime

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from pomyslowice.api.auth import token_auth
from pomyslowice.api.errors import ErrorOut, conflict

from . import consulting_services as services
from .consulting_slots import free_slots
from .models import Appointment, ConsultingService
from .permissions import represented_organizations

router = Router(tags=["consulting"])
MAX_RANGE_DAYS = 31


class ConsultantOut(Schema):
    id: int
    name: str = Field(alias="display_name")


class ServiceOut(Schema):
    slug: str
    name: str
    kind: str
    description: str
    duration_minutes: int
    organization_required: bool
    consultants: list[ConsultantOut]

    @staticmethod
    def resolve_consultants(service: ConsultingService) -> list:
        return [c for c in service.consultants.all() if c.is_active]


class SlotOut(Schema):
    consultant: ConsultantOut
    start: datetime.datetime
    end: datetime.datetime


class SlotFilters(Schema):
    from_: datetime.date | None = Field(
        None, alias="from", description="First day (default today)."
    )
    to: datetime.date | None = Field(None, description="Last day (default a week after `from`).")


class AppointmentIn(Schema):
    service: str = Field(max_length=120, description="The service's slug.")
    consultant: int = Field(description="Id of one of the service's consultants.")
    start: datetime.datetime = Field(description="A slot's start, with its UTC offset.")
    question: str = Field(max_length=4000)
    organization: str | None = Field(
        None, max_length=120, description="Slug of an organisation the caller represents."
    )
    organization_name: str = Field("", max_length=250)
    phone: str = Field("", max_length=40)


class AppointmentOut(Schema):
    id: int
    service: str = Field(description="The service's slug.")
    consultant: ConsultantOut
    start: datetime.datetime
    end: datetime.datetime
    status: str

    @staticmethod
    def resolve_service(appointment: Appointment) -> str:
        return appointment.service.slug

    @staticmethod
    def resolve_start(appointment: Appointment) -> datetime.datetime:
        return timezone.localtime(appointment.start)

    @staticmethod
    def resolve_end(appointment: Appointment) -> datetime.datetime:
        return timezone.localtime(appointment.end)


def _services():
    return ConsultingService.objects.active().prefetch_related("consultants")


@router.get(
    "/consulting/services",
    response=list[ServiceOut],
    url_name="consulting-services",
    operation_id="listConsultingServices",
)
def list_services(request):
    return list(_services())


@router.get(
    "/consulting/services/{slug}/slots",
    response={200: list[SlotOut], 400: ErrorOut, 404: ErrorOut},
    url_name="consulting-slots",
    operation_id="listConsultingSlots",
    summary="Free times of a service, in Warsaw time (at most 31 days at once)",
)
def list_slots(request, slug: str, filters: Query[SlotFilters]):
    service = get_object_or_404(ConsultingService.objects.active(), slug=slug)
    first = filters.from_ or timezone.localdate()
    last = filters.to or first + datetime.timedelta(days=6)
    if last < first:
        return Status(400, {"detail": _("The end of the range is before its start.")})
    if (last - first).days + 1 > MAX_RANGE_DAYS:
        return Status(
            400, {"detail": _("Ask for at most %(days)s days at once.") % {"days": MAX_RANGE_DAYS}}
        )
    return [
        {
            "consultant": slot.consultant,
            "start": timezone.localtime(slot.start),
            "end": timezone.localtime(slot.end),
        }
        for slot in free_slots(service, first, last)
    ]


@router.post(
    "/consulting/appointments",
    auth=token_auth,
    response={201: AppointmentOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    url_name="consulting-book",
    operation_id="bookConsultingAppointment",
    summary="Book a free slot for the token's owner",
)
def book_appointment(request, payload: AppointmentIn):
    service = get_object_or_404(ConsultingService.objects.active(), slug=payload.service)
    user = request.auth
    consultant = service.consultants.filter(pk=payload.consultant, is_active=True).first()
    if consultant is None:
        raise ValidationError({"consultant": _("This consultant does not give this service.")})
    if payload.start.tzinfo is None:
        raise ValidationError({"start": _("Give the time with its UTC offset.")})
    organization = None
    if payload.organization:
        organization = represented_organizations(user).filter(slug=payload.organization).first()
        if organization is None:
            raise ValidationError(
                {"organization": _("You do not represent an organisation with this address.")}
            )
    try:
        appointment = services.book_appointment(
            service=service,
            consultant=consultant,
            start=payload.start,
            name=user.get_full_name() or user.email,
            email=user.email,
            user=user,
            question=payload.question,
            organization=organization,
            organization_name=payload.organization_name,
            phone=payload.phone,
            language=translation.get_language(),
        )
    except services.SlotTaken as error:
        return conflict(error)
    return Status(201, appointment)


@router.get(
    "/consulting/appointments",
    auth=token_auth,
    response={200: list[AppointmentOut], 401: ErrorOut},
    url_name="consulting-appointments",
    operation_id="listMyConsultingAppointments",
    summary="The token owner's own appointments, upcoming first",
)
def list_appointments(request):
    return list(
        Appointment.objects.filter(user=request.auth)
        .exclude(status=Appointment.Status.CANCELLED)
        .select_related("service", "consultant")
        .order_by("-start", "-pk")[:200]
    )
