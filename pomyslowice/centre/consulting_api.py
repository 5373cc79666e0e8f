"""Consulting in the API: the services and their free slots (public), booking and listing
appointments (the token's owner only). Questions and notes of other people never leave here."""

import datetime

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from pomyslowice.api.auth import token_auth
from pomyslowice.api.errors import conflict, error_responses

from . import consulting_services as services
from .consulting_slots import free_slots
from .models import Appointment, ConsultingService
from .permissions import represented_organizations

router = Router(tags=["consulting"])
MAX_RANGE_DAYS = 31


class ConsultantOut(Schema):
    id: int = Field(description="Stable identifier of the consultant.", examples=[7])
    name: str = Field(
        alias="display_name", description="Name shown to clients.", examples=["Marta Kowalska"]
    )


class ServiceOut(Schema):
    id: int = Field(description="Stable identifier.", examples=[4])
    slug: str = Field(description="Stable identifier in addresses.", examples=["doradztwo-prawne"])
    name: str = Field(description="Name.", examples=["Doradztwo prawne"])
    kind: str = Field(description="Kind of consulting.", examples=["legal"])
    description: str = Field(
        description="Plain-text description.", examples=["Statut, KRS, umowy, RODO."]
    )
    duration_minutes: int = Field(description="Length of one appointment.", examples=[45])
    organization_required: bool = Field(
        description="Only for representatives of organisations.", examples=[False]
    )
    consultants: list[ConsultantOut] = Field(description="Active consultants giving it.")

    @staticmethod
    def resolve_consultants(service: ConsultingService) -> list:
        return [c for c in service.consultants.all() if c.is_active]


class SlotOut(Schema):
    consultant: ConsultantOut = Field(description="Who is free.")
    start: datetime.datetime = Field(
        description="Start, Warsaw time with its offset.", examples=["2026-12-02T10:00:00+01:00"]
    )
    end: datetime.datetime = Field(
        description="End, Warsaw time with its offset.", examples=["2026-12-02T10:45:00+01:00"]
    )


class SlotFilters(Schema):
    from_: datetime.date | None = Field(
        None, alias="from", description="First day (default today).", examples=["2026-12-01"]
    )
    to: datetime.date | None = Field(
        None, description="Last day (default a week after `from`).", examples=["2026-12-07"]
    )


class AppointmentIn(Schema):
    service: str = Field(
        max_length=120, description="The service's slug.", examples=["doradztwo-prawne"]
    )
    consultant: int = Field(
        ge=1, le=2_147_483_647, description="Id of one of the service's consultants.", examples=[7]
    )
    start: datetime.datetime = Field(
        description="A slot's start, with its UTC offset.", examples=["2026-12-02T10:00:00+01:00"]
    )
    question: str = Field(
        max_length=4000, description="What it is about.", examples=["Jak zmienić statut?"]
    )
    organization: str | None = Field(
        None,
        max_length=120,
        description="Slug of an organisation the caller represents.",
        examples=["klub-seniora"],
    )
    organization_name: str = Field(
        "", max_length=250, description="Name of a group not in the directory.", examples=[""]
    )
    phone: str = Field("", max_length=40, description="Phone number.", examples=["+48 600 000 000"])


class AppointmentOut(Schema):
    id: int = Field(description="Stable identifier of the appointment.", examples=[301])
    service: str = Field(description="The service's slug.", examples=["doradztwo-prawne"])
    consultant: ConsultantOut = Field(description="Who gives it.")
    start: datetime.datetime = Field(
        description="Start, Warsaw time with its offset.", examples=["2026-12-02T10:00:00+01:00"]
    )
    end: datetime.datetime = Field(
        description="End, Warsaw time with its offset.", examples=["2026-12-02T10:45:00+01:00"]
    )
    status: str = Field(description="State of the appointment.", examples=["booked"])

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
    response={200: list[ServiceOut], **error_responses(401)},
    url_name="consulting-services",
    operation_id="listConsultingServices",
    summary="Consulting services of the centre",
    description="Active services with their consultants. Not paginated: it is short.",
)
def list_services(request):
    return list(_services())


@router.get(
    "/consulting/services/{slug}/slots",
    response={200: list[SlotOut], **error_responses(400, 401, 404)},
    url_name="consulting-slots",
    operation_id="listConsultingSlots",
    summary="Free times of a service, in Warsaw time (at most 31 days at once)",
    description="400: the range is reversed or longer than 31 days; 404: unknown service.",
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
    response={201: AppointmentOut, **error_responses(400, 401, 404, 409)},
    url_name="consulting-book",
    operation_id="bookConsultingAppointment",
    summary="Book a free slot for the token's owner",
    description="Needs a token. 400: invalid fields; 404: unknown service; 409: the slot was "
    "just taken.",
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
    response={200: list[AppointmentOut], **error_responses(401)},
    url_name="consulting-appointments",
    operation_id="listMyConsultingAppointments",
    summary="The token owner's own appointments, upcoming first",
    description="Needs a token. At most the latest 200, cancelled ones left out.",
)
def list_appointments(request):
    return list(
        Appointment.objects.filter(user=request.auth)
        .exclude(status=Appointment.Status.CANCELLED)
        .select_related("service", "consultant")
        .order_by("-start", "-pk")[:200]
    )
