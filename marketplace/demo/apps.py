from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and users for every part of the site. It imports everything; nothing imports it."""

    name = "marketplace.demo"
    label = "demo"
