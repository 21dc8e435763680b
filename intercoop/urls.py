"""Public routes of the intercooperation tools, under the language prefix: the bank of collaborations
(/collaboracions/), the initiatives' spaces (/espai/) and the mentoring programme (/mentoria/)."""

from django.urls import path

from .views import mentoring, posts

app_name = "intercoop"
urlpatterns = [
    path("collaboracions/<slug:slug>/", posts.post_detail, name="post"),
    path("espai/<slug:slug>/mentoria/", mentoring.space_mentoring, name="space_mentoring"),
    path("mentoria/", mentoring.public_mentoring, name="mentoring"),
]
