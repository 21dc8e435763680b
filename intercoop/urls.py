"""Public routes of the intercooperation tools, under the language prefix: the bank of collaborations
(/collaboracions/), the initiatives' spaces (/espai/) and the mentoring programme (/mentoria/)."""

from django.urls import path

from .views import accounts, contact, mentoring, posts

app_name = "intercoop"
urlpatterns = [
    path("collaboracions/<slug:slug>/", posts.post_detail, name="post"),
    path("espai/", accounts.spaces, name="spaces"),
    path("espai/entra/", accounts.LoginView.as_view(), name="login"),
    path("espai/surt/", accounts.LogoutView.as_view(), name="logout"),
    path("espai/contrasenya/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("espai/contrasenya/enviada/", accounts.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "espai/contrasenya/nova/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "espai/contrasenya/feta/",
        accounts.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("espai/gestiona/<slug:slug>/", accounts.claim, name="claim"),
    path("espai/enllac/<str:token>/", accounts.access_link, name="access_link"),
    path("espai/<slug:slug>/", accounts.space, name="space"),
    path("espai/<slug:slug>/fitxa/", accounts.edit_entry, name="edit_entry"),
    path("espai/<slug:slug>/equip/", accounts.team, name="team"),
    path("collaboracions/<slug:slug>/contacta/", contact.contact, name="contact"),
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
    path("espai/<slug:slug>/mentoria/", mentoring.space_mentoring, name="space_mentoring"),
    path("mentoria/", mentoring.public_mentoring, name="mentoring"),
]
