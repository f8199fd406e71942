from django.contrib.auth import views as auth_views
from django.urls import path

app_name = "agencies"
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="agencies/login.html",
                                                redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", auth_views.PasswordChangeView.as_view(
        template_name="agencies/password_change.html", success_url="/office/"), name="password_change"),
]
