from django.urls import path

from . import views

app_name = "directori"
urlpatterns = [
    path("", views.directory, name="index"),
    path("iniciativa/<slug:slug>/", views.initiative_detail, name="initiative"),
]
