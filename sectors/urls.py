from django.urls import path

from core.views import SectionLandingView

app_name = "sectors"
urlpatterns = [
    path("", SectionLandingView.as_view(section="sectors:index"), name="index"),
]
