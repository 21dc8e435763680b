from django.urls import path

from core.views import SectionLandingView

app_name = "mapa"
urlpatterns = [
    path("", SectionLandingView.as_view(section="mapa:index"), name="index"),
]
