from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("apply/", views.apply, name="apply"),
    path("apply/submitted/", views.submitted, name="submitted"),
    path("track/", views.track, name="track"),
    path("track/forget/", views.track_forget, name="track_forget"),
]
