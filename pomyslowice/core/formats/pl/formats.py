"""Polish formats where Django's differ from how dates are written in Poland.

Everything not set here comes from django/conf/locale/pl/formats.py. English and Ukrainian keep
Django's formats.
"""

# Django's "d-m-Y" is unusual in Poland; dates are written with dots.
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
