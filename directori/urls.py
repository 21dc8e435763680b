from django.urls import path

from . import views

app_name = "directori"
urlpatterns = [
    path("", views.directory, name="index"),
    path("iniciativa/<slug:slug>/", views.initiative_detail, name="initiative"),
    path("districte/<slug:slug>/", views.area_detail, {"kind": "district"}, name="district"),
    path("barri/<slug:slug>/", views.area_detail, {"kind": "neighbourhood"}, name="neighbourhood"),
]
