from django.urls import path

from . import stats, steps, views

app_name = "applications"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("cases/", views.case_list, name="list"),
    path("cases/new/", views.intake, name="new"),
    path("cases/<int:pk>/", views.case_detail, name="detail"),
    # One POST action per workflow step (a GET shows its form).
    *[path(f"cases/<int:pk>/{name.replace('_', '-')}/", steps.step_view, {"step": name}, name=name)
      for name in steps.STEPS],
    path("attachments/<int:attachment_pk>/", views.attachment_download, name="attachment"),
    path("statistics/", stats.statistics, name="statistics"),
]
