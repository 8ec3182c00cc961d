"""The project's URLs plus views that fail on purpose, for the error-page tests: the
site has no page that errs or refuses on demand, and the handlers are what is tested."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from config import urls as project


def fail(request):
    raise RuntimeError("a bug in a view")


def refuse(request):
    raise PermissionDenied


urlpatterns = [
    *i18n_patterns(path("fail/", fail), path("refuse/", refuse), prefix_default_language=True),
    *project.urlpatterns,
]
handler400 = project.handler400
handler403 = project.handler403
handler404 = project.handler404
handler500 = project.handler500
