from django.urls import path

from newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("preferences/<str:token>/data.json", views.data, name="data"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
