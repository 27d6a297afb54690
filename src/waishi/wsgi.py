import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waishi.settings.production")
application = get_wsgi_application()

# Everything loaded so far (Django, Wagtail, the apps, the URL and template machinery) lives
# as long as the process. Frozen, it is left out of the collector's full passes, which
# otherwise stop a request for over 100 ms every few hundred requests.
gc.collect()
gc.freeze()
