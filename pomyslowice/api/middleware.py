from django.utils import translation


class ApiLanguageMiddleware:
    """The API has no language prefix in its URLs, so it follows the client's Accept-Language.

    LocaleMiddleware pins unprefixed paths to Polish; pages need that, API clients do not.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/api/"):
            language = translation.get_language_from_request(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
