from django.urls import path

from . import views

app_name = "letters"
urlpatterns = [
    path("<int:pk>/<str:fmt>/", views.download, name="download"),
    path("answer/", views.public_answer, name="public_answer"),
]
