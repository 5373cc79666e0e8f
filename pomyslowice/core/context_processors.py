from django.conf import settings


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "CENTRE_NAME": settings.CENTRE_NAME,
        "CENTRE_CITY": settings.CENTRE_CITY,
    }
