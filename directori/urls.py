from django.urls import path, re_path

from . import views

app_name = "directori"
urlpatterns = [
    path("", views.directory, name="index"),
    re_path(r"^export\.(?P<fmt>csv|geojson|jsonld)$", views.export, name="export"),
    path("iniciativa/<slug:slug>/", views.initiative_detail, name="initiative"),
    path("proposa/", views.propose, name="propose"),
    path("proposa/gracies/", views.proposal_thanks, name="proposal_thanks"),
    path("districte/<slug:slug>/", views.area_detail, {"kind": "district"}, name="district"),
    path("barri/<slug:slug>/", views.area_detail, {"kind": "neighbourhood"}, name="neighbourhood"),
]
