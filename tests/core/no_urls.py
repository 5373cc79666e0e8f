"""A URL configuration with nothing in it: the 400 and 500 pages must render even then."""

urlpatterns: list = []
