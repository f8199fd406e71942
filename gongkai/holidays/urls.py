from django.urls import path

from . import views

app_name = "holidays"
urlpatterns = [path("", views.year_list, name="list")]
