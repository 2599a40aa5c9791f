from django.apps import AppConfig


class PromosConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "promos"

    def ready(self):
        # Register the search-index signal receivers.
        from . import indexing  # noqa: F401
