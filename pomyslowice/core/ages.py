import datetime


def age_on(birth_date: datetime.date | None, day: datetime.date) -> int | None:
    """Full years of age on `day`; None when the birth date is unknown."""
    if birth_date is None:
        return None
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday
