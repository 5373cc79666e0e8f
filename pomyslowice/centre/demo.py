"""Demo data of the centre's services; each area seeds its own part, after the organisations."""

from . import demo_caretaking, demo_consulting, demo_equipment, demo_mail, demo_rooms


def seed() -> dict:
    counts = {}
    for area in (demo_rooms, demo_equipment, demo_consulting, demo_mail, demo_caretaking):
        counts.update(area.seed())
    return counts
