from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("gongkai.agencies.urls")),
    path("office/", include("gongkai.applications.urls")),
    path("office/letters/", include("gongkai.letters.urls")),
    path("office/remedies/", include("gongkai.litigation.urls")),
    path("office/holidays/", include("gongkai.holidays.urls")),
    path("", include("gongkai.portal.urls")),
]
