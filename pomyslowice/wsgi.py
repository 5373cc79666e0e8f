import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from pomyslowice.search import analysis

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pomyslowice.settings")
application = get_wsgi_application()
# App servers load now what the first requests would otherwise wait for: the search
# dictionaries (2 s) and every view (the URLconf imports the PDF library: 2 s more). manage.py
# commands do not import this module, so they never pay for it; with gunicorn's --preload the
# master loads it all once and the workers it forks share it.
analysis.warm_up()
import_module(settings.ROOT_URLCONF)
# What is loaded now lives as long as the process: the collector need not look at it again. That
# spares each full collection a walk over the stemmer's million objects, and forked workers
# leave the pages they share with the master untouched (no copy-on-write).
gc.freeze()
