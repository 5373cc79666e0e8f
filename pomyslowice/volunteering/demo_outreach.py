"""Demo outreach log and initiative group for Mysłowice: promotion meetings in a primary school,
a secondary school, PUP, MOPS, the city hall and at the NGO forum, the integration meeting on
the legal aspects of volunteering (an event in the calendar), and the group working towards a
city Volunteer Centre with its members, three meetings with minutes and six actions.

Idempotent: meetings are found by institution and audience, members by name, group meetings by
place, actions by title; dates are relative to the day of the first run and kept afterwards.
Everything is written through the services, so the demo obeys the same rules as the pages.
Volunteer profiles are the profiles' demo; the personas' profiles, if they already exist, are
credited to the meetings that brought them, so the results column is not empty.
"""

import datetime

from django.utils import timezone

from pomyslowice.events.models import Event
from pomyslowice.organizations.demo_data import CENTRE_SLUG, REPRESENTED_ORGANIZATION

from . import group_services, outreach_services
from .models import GroupAction, GroupMeeting, GroupMember, OutreachMeeting, VolunteerProfile

Kind = OutreachMeeting.InstitutionKind
INTEGRATION_EVENT_SLUG = "spotkanie-integracyjne-prawne-aspekty-wolontariatu"
INTEGRATION_EVENT_TITLE = "Spotkanie integracyjne: prawne aspekty wolontariatu"
SCHOOL_EVENT_SLUG = "wolontariat-spotkanie-sp5"

# key, institution, kind, days from today, audience, participants, materials, follow-up, notes
MEETINGS = [
    (
        "sp5",
        "Szkoła Podstawowa nr 5 w Mysłowicach",
        Kind.SCHOOL,
        -68,
        "uczniowie klas 7–8 i wychowawcy",
        52,
        "prezentacja „Wolontariat – od czego zacząć”, ulotki z kodem, plakat na gazetkę",
        "Pedagog szkolny zbiera chętnych do szkolnego koła wolontariatu; drugie spotkanie "
        "z rodzicami w ramach wywiadówki.",
        "Dyrekcja prosi o wzór zgody rodzica na wolontariat ucznia.",
    ),
    (
        "liceum",
        "Zespół Szkół Ponadpodstawowych nr 2 w Mysłowicach (liceum ogólnokształcące)",
        Kind.SCHOOL,
        -45,
        "uczniowie klas II i III liceum",
        64,
        "prezentacja, ulotki z kodem, lista ofert dla osób od 16 lat",
        "Nauczycielka WOS-u koordynuje szkolny klub wolontariatu; uczniowie chcą pomagać "
        "przy miejskich wydarzeniach sportowych.",
        "",
    ),
    (
        "pup",
        "Powiatowy Urząd Pracy w Mysłowicach",
        Kind.LABOUR_OFFICE,
        -40,
        "osoby bezrobotne do 30. roku życia w programie aktywizacji",
        18,
        "ulotki, informacja o zaświadczeniu o wolontariacie jako doświadczeniu zawodowym",
        "Doradcy zawodowi przekazują ulotki na indywidualnych spotkaniach.",
        "",
    ),
    (
        "mops",
        "Miejski Ośrodek Pomocy Społecznej w Mysłowicach",
        Kind.SOCIAL_WELFARE,
        -33,
        "pracownicy socjalni i asystenci rodzin",
        14,
        "prezentacja o wolontariacie osób starszych i rodzin wspierających",
        "MOPS zgłosi dwie oferty: pomoc seniorom w zakupach i odrabianie lekcji ze świetlicą.",
        "",
    ),
    (
        "um",
        "Urząd Miasta Mysłowice",
        Kind.CITY_HALL,
        -26,
        "Wydział Edukacji i pełnomocnik ds. współpracy z organizacjami pozarządowymi",
        9,
        "założenia Miejskiego Centrum Wolontariatu, dane z platformy",
        "Urząd rozważy zapis o centrum wolontariatu w programie współpracy na kolejny rok.",
        "",
    ),
    (
        "forum",
        "Forum Organizacji Pozarządowych Mysłowic",
        Kind.NGO,
        -18,
        "przedstawiciele stowarzyszeń, fundacji i klubów sportowych",
        37,
        "jak dodać ofertę na platformie, wzór porozumienia, ubezpieczenie NNW",
        "Sześć organizacji zapowiedziało swoje oferty do końca miesiąca.",
        "",
    ),
    (
        "integracja",
        "Stowarzyszenie CIS Mysłowice",
        Kind.NGO,
        -10,
        "wolontariusze, koordynatorzy wolontariatu i opiekunowie szkolnych kół",
        28,
        "porozumienie wolontariackie (art. 44), zgoda opiekuna dla osób 13–17 lat, "
        "ubezpieczenie NNW, zaświadczenie i opinia",
        "Nagranie i materiały wysłane uczestnikom; pytania do poradnika na platformie.",
        "Spotkanie integracyjne z poczęstunkiem; prowadził radca prawny współpracujący z CIS.",
    ),
    (
        "sp5-rodzice",
        "Szkoła Podstawowa nr 5 w Mysłowicach",
        Kind.SCHOOL,
        11,
        "rodzice uczniów klas 7–8",
        0,
        "wzór zgody opiekuna, ulotki",
        "",
        "Planowane: spotkanie w czasie wywiadówki.",
    ),
]

# Whose demo profile came through which meeting.
PERSONA_SOURCES = {"volunteer_minor": "liceum", "volunteer": "forum"}

# name, persona with an account (or None), organisation slug, role, e-mail, joined, left
MEMBERS = [
    (None, "volunteer_caretaker", CENTRE_SLUG, GroupMember.Role.LEADER, "", -130, None),
    (
        "Ewelina Sikora",
        None,
        REPRESENTED_ORGANIZATION,
        GroupMember.Role.SECRETARY,
        "e.sikora@przyjaciele-slupnej.example.org",
        -130,
        None,
    ),
    (
        "Agnieszka Wrona",
        None,
        "mops-myslowice",
        GroupMember.Role.PARTNER,
        "a.wrona@mops.example.org",
        -130,
        None,
    ),
    (
        "Tomasz Kalinowski",
        None,
        "pup-myslowice",
        GroupMember.Role.PARTNER,
        "t.kalinowski@pup.example.org",
        -125,
        None,
    ),
    (
        "Krzysztof Lis",
        None,
        "urzad-miasta-myslowice",
        GroupMember.Role.PARTNER,
        "k.lis@um.example.org",
        -80,
        None,
    ),
    (
        "Magdalena Zając",
        None,
        "zsp2-myslowice",
        GroupMember.Role.MEMBER,
        "m.zajac@zsp2.example.org",
        -80,
        None,
    ),
    (None, "volunteer", None, GroupMember.Role.MEMBER, "", -60, None),
    (
        "Jerzy Adamczyk",
        None,
        "sasiedzi-bonczyk",
        GroupMember.Role.MEMBER,
        "j.adamczyk@example.org",
        -130,
        -50,
    ),
]

# place, days from today, agenda, minutes (rich text)
GROUP_MEETINGS = [
    (
        "CIS Mysłowice, ul. Grunwaldzka 12, sala szkoleniowa",
        -120,
        "1. Po co miastu centrum wolontariatu?\n2. Kto z nami?\n3. Podział zadań.",
        "<p>Spotkanie założycielskie grupy inicjatywnej. Ustalono, że grupa spotyka się "
        "co półtora miesiąca, a <strong>liderem</strong> jest opiekun wolontariatu CIS.</p>"
        "<ul><li>Diagnozę potrzeb organizacji przygotuje sekretarz.</li>"
        "<li>Wzory dokumentów dla szkół przygotuje CIS.</li></ul>",
    ),
    (
        "Urząd Miasta Mysłowice, sala narad",
        -75,
        "1. Wyniki ankiety wśród organizacji.\n2. Centrum wolontariatu w programie "
        "współpracy.\n3. Kluby wolontariatu w szkołach.",
        "<p>Ankietę wypełniło 21 organizacji; 14 chce przyjmować wolontariuszy, 9 potrzebuje "
        "pomocy przy porozumieniach i ubezpieczeniu.</p>"
        "<p>Przedstawiciel urzędu przedstawi propozycję zapisu o <em>Miejskim Centrum "
        "Wolontariatu</em> w programie współpracy.</p>",
    ),
    (
        "MOPS Mysłowice, ul. Mikołowska 4a, sala konferencyjna",
        -20,
        "1. Podsumowanie spotkań promocyjnych.\n2. Gala wolontariatu 5 grudnia.",
        "<p>Po spotkaniach w szkołach, PUP, MOPS i na forum organizacji zarejestrowali się "
        "pierwsi wolontariusze z kodów z ulotek.</p>"
        "<p>Postanowiono zorganizować galę wolontariatu w Międzynarodowym Dniu "
        "Wolontariusza.</p>",
    ),
]

# title, owner (member name or persona), meeting index, due (days from today), status, notes
ACTIONS = [
    (
        "Ankieta wśród organizacji przyjmujących wolontariuszy",
        "Ewelina Sikora",
        0,
        -90,
        GroupAction.Status.DONE,
        "Wyniki omówione na drugim spotkaniu.",
    ),
    (
        "Wzór porozumienia i zgody opiekuna dla szkół",
        "volunteer_caretaker",
        0,
        -60,
        GroupAction.Status.DONE,
        "",
    ),
    (
        "Propozycja zapisu o Miejskim Centrum Wolontariatu w programie współpracy",
        "Krzysztof Lis",
        1,
        -7,
        GroupAction.Status.OPEN,
        "Czeka na opinię Wydziału Edukacji.",
    ),
    (
        "Szkolne kluby wolontariatu w SP 5 i ZSP 2",
        "Magdalena Zając",
        1,
        30,
        GroupAction.Status.OPEN,
        "",
    ),
    (
        "Zapytanie o zbiorowe ubezpieczenie NNW wolontariuszy akcji miejskich",
        "Jerzy Adamczyk",
        1,
        -40,
        GroupAction.Status.DROPPED,
        "Organizacje przyjmujące ubezpieczają wolontariuszy same.",
    ),
    (
        "Gala wolontariatu w Międzynarodowym Dniu Wolontariusza",
        "volunteer",
        2,
        14,
        GroupAction.Status.OPEN,
        "",
    ),
]


def seed(*, users: dict, organizations: dict, events: dict | None = None, **_inputs) -> dict:
    today = timezone.localdate()
    keeper = users["volunteer_caretaker"]
    meetings = {spec[0]: _seed_meeting(spec, today=today, by=keeper) for spec in MEETINGS}
    integration_event = _integration_event(
        meetings["integracja"], events or {}, organizations, by=keeper
    )
    _link_event(meetings["sp5-rodzice"], _event(events or {}, SCHOOL_EVENT_SLUG), by=keeper)
    for persona, key in PERSONA_SOURCES.items():
        VolunteerProfile.objects.filter(user=users.get(persona), source_meeting=None).update(
            source_meeting=meetings[key]
        )
    members = {
        _member_key(spec): _seed_member(spec, today=today, users=users, orgs=organizations)
        for spec in MEMBERS
    }
    group_meetings = [
        _seed_group_meeting(spec, today=today, members=members.values(), by=keeper)
        for spec in GROUP_MEETINGS
    ]
    actions = [
        _seed_action(spec, today=today, members=members, meetings=group_meetings, by=keeper)
        for spec in ACTIONS
    ]
    return {
        "counts": {
            "outreach meetings": len(meetings),
            "volunteers through outreach": VolunteerProfile.objects.filter(
                source_meeting__in=meetings.values()
            ).count(),
            "initiative group members": len(members),
            "initiative group meetings": len(group_meetings),
            "initiative group actions": len(actions),
        },
        "meetings": meetings,
        "integration_event": integration_event,
    }


def _seed_meeting(spec, *, today, by) -> OutreachMeeting:
    _key, institution, kind, days, audience, participants, materials, follow_up, notes = spec
    existing = OutreachMeeting.objects.filter(institution=institution, audience=audience).first()
    if existing is not None:
        return existing
    return outreach_services.create_outreach_meeting(
        by=by,
        institution=institution,
        institution_kind=kind,
        held_on=today + datetime.timedelta(days=days),
        audience=audience,
        participants=participants,
        materials=materials,
        follow_up=follow_up,
        notes=notes,
    )


def _event(events: dict, slug: str) -> Event | None:
    return events.get(slug) or Event.objects.filter(slug=slug).first()


def _integration_event(meeting, events, organizations, *, by) -> Event | None:
    """The calendar's integration meeting on the legal aspects of volunteering: one with a
    matching title if the events' demo or the staff made it, otherwise added on the meeting's
    day, published by the centre as the events' own demo does."""
    event = (
        _event(events, INTEGRATION_EVENT_SLUG)
        or Event.objects.filter(title__icontains="prawne aspekty wolontariatu").first()
    )
    if event is None:
        start = timezone.make_aware(datetime.datetime.combine(meeting.held_on, datetime.time(17)))
        event = Event.objects.create(
            slug=INTEGRATION_EVENT_SLUG,
            title=INTEGRATION_EVENT_TITLE,
            category=Event.Category.MEETING,
            organizer=organizations.get(CENTRE_SLUG),
            start=start,
            end=start + datetime.timedelta(hours=3),
            status=Event.Status.PUBLISHED,
            published_at=start - datetime.timedelta(days=21),
            address="ul. Grunwaldzka 12, 41-400 Mysłowice (sala konferencyjna CIS)",
            audience="wolontariusze, koordynatorzy wolontariatu, opiekunowie szkolnych kół",
            description="<p>Porozumienie wolontariackie, ubezpieczenie NNW, wolontariat osób "
            "niepełnoletnich, zaświadczenia i opinie – w praktyce i przy herbacie. Spotkanie "
            "prowadzi radca prawny; na koniec poznajemy się i wymieniamy doświadczeniami.</p>",
        )
    _link_event(meeting, event, by=by)
    return event


def _link_event(meeting: OutreachMeeting, event: Event | None, *, by) -> None:
    if event is not None and meeting.event_id is None:
        outreach_services.update_outreach_meeting(meeting=meeting, by=by, event=event)
        meeting.event = event


def _member_key(spec) -> str:
    name, persona = spec[0], spec[1]
    return name or persona


def _seed_member(spec, *, today, users, orgs) -> GroupMember:
    name, persona, organization, role, email, joined, left = spec
    user = users.get(persona) if persona else None
    name = name or user.get_full_name() or user.email
    existing = GroupMember.objects.filter(name=name).first()
    if existing is not None:
        return existing
    return group_services.add_member(
        by=users["volunteer_caretaker"],
        name=name,
        user=user,
        organization=orgs.get(organization) if organization else None,
        role=role,
        email=email,
        joined_on=today + datetime.timedelta(days=joined),
        left_on=today + datetime.timedelta(days=left) if left is not None else None,
    )


def _seed_group_meeting(spec, *, today, members, by) -> GroupMeeting:
    place, days, agenda, minutes = spec
    existing = GroupMeeting.objects.filter(place=place).first()
    if existing is not None:
        return existing
    held_on = today + datetime.timedelta(days=days)
    return group_services.record_group_meeting(
        by=by,
        held_on=held_on,
        place=place,
        agenda=agenda,
        minutes=minutes,
        attendees=[m for m in members if group_services.was_member_on(m, held_on)],
    )


def _seed_action(spec, *, today, members, meetings, by) -> GroupAction:
    title, owner, meeting_index, due, status, notes = spec
    existing = GroupAction.objects.filter(title=title).first()
    if existing is not None:
        return existing
    return group_services.add_action(
        by=by,
        title=title,
        owner=members[owner],
        meeting=meetings[meeting_index],
        due_on=today + datetime.timedelta(days=due),
        status=status,
        notes=notes,
    )
