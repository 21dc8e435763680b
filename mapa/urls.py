from django.urls import path

from core.views import SectionLandingView

from . import views

app_name = "mapa"
urlpatterns = [
    path("", SectionLandingView.as_view(section="mapa:index"), name="index"),
    path("capes/", views.layer_index, name="layers"),
    path("capes/<slug:slug>.geojson", views.layer, name="layer"),
]
