from django.urls import path

from core.views import SectionLandingView

app_name = "directori"
urlpatterns = [
    path("", SectionLandingView.as_view(section="directori:index"), name="index"),
]
