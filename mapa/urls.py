from django.urls import path

from . import views

app_name = "mapa"
urlpatterns = [
    path("", views.map_page, name="index"),
    path("incrusta/", views.embed, name="embed"),
    path("incrusta/codi/", views.embed_code, name="embed_code"),  # before the saved embeds: "codi" is taken
    path("incrusta/imatge.png", views.embed_picture, name="embed_picture_adhoc"),
    path("incrusta/<slug:slug>.png", views.embed_picture, name="embed_picture"),
    path("incrusta/<slug:slug>/", views.embed, name="embed_preset"),
    path("oembed/", views.oembed, name="oembed"),
    path("capes/", views.layer_index, name="layers"),
    path("capes/<slug:slug>.geojson", views.layer, name="layer"),
    path("capes/<slug:slug>/llista/", views.layer_list, name="layer_list"),
    path("capes/area/<str:kind>/<slug:slug>.geojson", views.area, name="area"),
]
