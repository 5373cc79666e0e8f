from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Holds `seed_demo`, which sits above every domain app and calls each one's demo module."""

    name = "pomyslowice.demo"
    label = "demo"
