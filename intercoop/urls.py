"""Public routes of the intercooperation tools, under the language prefix: the bank of collaborations
(/collaboracions/), the initiatives' spaces (/espai/) and the mentoring programme (/mentoria/)."""

from django.urls import path  # noqa: F401 (routes are added by each part)

app_name = "intercoop"
urlpatterns = []
