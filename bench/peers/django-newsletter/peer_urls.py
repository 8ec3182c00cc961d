# The message templates link to the unsubscribe page by its URL name.
from django.urls import include, path

urlpatterns = [path("newsletter/", include("newsletter.urls"))]
