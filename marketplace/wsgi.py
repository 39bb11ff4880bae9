import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.production")

django_application = get_wsgi_application()

from marketplace.core.page_cache_memory import serve_from_memory  # noqa: E402 - needs the settings configured above

# Stored pages for anonymous visitors are answered from this process's memory before Django handles the request.
application = serve_from_memory(django_application)
