"""Public routes of the intercooperation tools, under the language prefix: the bank of collaborations
(/collaboracions/), the initiatives' spaces (/espai/) and the mentoring programme (/mentoria/)."""

from django.urls import path

from .views import posts

app_name = "intercoop"
urlpatterns = [
    path("collaboracions/<slug:slug>/", posts.post_detail, name="post"),
]

# Part D: agreements in the space, and the bank's open data
from .views import agreements  # noqa: E402  (appended per part, so the lead's merge stays simple)

urlpatterns += [
    path("collaboracions/acords.csv", agreements.agreements_csv, name="agreements_csv"),
    path("collaboracions/acords.jsonld", agreements.agreements_jsonld, name="agreements_jsonld"),
    path("collaboracions/murmurations.json", agreements.murmurations, name="murmurations"),
    path("collaboracions/valueflows.jsonld", agreements.valueflows, name="valueflows"),
    path("espai/<slug:slug>/acords/", agreements.agreements, name="agreements"),
    path("espai/<slug:slug>/acords/nou/", agreements.agreement_new, name="agreement_new"),
    path("espai/<slug:slug>/acords/<int:pk>/", agreements.agreement_detail, name="agreement"),
]
