"""Public routes of the intercooperation tools, under the language prefix: the bank of collaborations
(/collaboracions/), the initiatives' spaces (/espai/) and the mentoring programme (/mentoria/)."""

from django.urls import path

from .views import contact, posts

app_name = "intercoop"
urlpatterns = [
    path("collaboracions/<slug:slug>/", posts.post_detail, name="post"),
    path("collaboracions/<slug:slug>/contacta/", contact.contact, name="contact"),
]
