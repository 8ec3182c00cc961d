"""The project's URLs plus the floor of bench/registration.py: a bare view inserting one row."""

from django.db import connection
from django.http import HttpResponseRedirect
from django.urls import path
from django.views.decorators.http import require_POST

from config import urls as project_urls


@require_POST
def floor(request):
    # CSRF stays on (the client sends the same token as to the registration form), and
    # the answer is a redirect like the form's, so the two differ only in what the view does.
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_floor (payload) VALUES (%s)", [request.POST.get("email", "")]
        )
    return HttpResponseRedirect("/bench/floor/?sent=1")


# The floor goes first so the project's catch-all Wagtail pattern never sees it; the
# project's i18n_patterns stay in the root URLconf, where LocaleMiddleware looks for them.
urlpatterns = [path("bench/floor/", floor), *project_urls.urlpatterns]
handler404 = project_urls.handler404
handler500 = project_urls.handler500
