from django.urls import path

from . import views

app_name = "litigation"
urlpatterns = [
    path("", views.remedy_list, name="list"),
    path("new/", views.remedy_new, name="new"),
    path("<int:pk>/", views.remedy_edit, name="edit"),
]
