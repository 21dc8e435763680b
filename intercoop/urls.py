"""Public routes of the intercooperation tools, under the language prefix: the bank of collaborations
(/collaboracions/), accounts (/compte/), the initiatives' spaces (/espai/<initiative>/) and the mentoring
programme (/mentoria/). Fixed account routes live outside /espai/, so no initiative's slug ("entra",
"surt"...) can be hidden behind one."""

from django.urls import path

from .views import accounts, agreements, bank, contact, mentoring, posts

app_name = "intercoop"
urlpatterns = [
    # The bank of collaborations and its open data
    path("collaboracions/", bank.post_list, name="posts"),
    path("collaboracions/acords.csv", agreements.agreements_csv, name="agreements_csv"),
    path("collaboracions/acords.jsonld", agreements.agreements_jsonld, name="agreements_jsonld"),
    path("collaboracions/murmurations.json", agreements.murmurations, name="murmurations"),
    path("collaboracions/valueflows.jsonld", agreements.valueflows, name="valueflows"),
    path("collaboracions/<slug:slug>/", posts.post_detail, name="post"),
    path("collaboracions/<slug:slug>/contacta/", contact.contact, name="contact"),
    # Accounts
    path("compte/entra/", accounts.LoginView.as_view(), name="login"),
    path("compte/surt/", accounts.LogoutView.as_view(), name="logout"),
    path("compte/contrasenya/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("compte/contrasenya/enviada/", accounts.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "compte/contrasenya/nova/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "compte/contrasenya/feta/",
        accounts.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("compte/gestiona/<slug:slug>/", accounts.claim, name="claim"),
    path("compte/enllac/<str:token>/", accounts.access_link, name="access_link"),
    # An initiative's space
    path("espai/", accounts.spaces, name="spaces"),
    path("espai/<slug:slug>/", accounts.space, name="space"),
    path("espai/<slug:slug>/fitxa/", accounts.edit_entry, name="edit_entry"),
    path("espai/<slug:slug>/equip/", accounts.team, name="team"),
    path("espai/<slug:slug>/ofertes/", bank.space_posts, name="space_posts"),
    path("espai/<slug:slug>/ofertes/nova/", bank.post_new, name="post_new"),
    path("espai/<slug:slug>/ofertes/<slug:post_slug>/", bank.post_edit, name="post_edit"),
    path("espai/<slug:slug>/ofertes/<slug:post_slug>/retira/", bank.post_withdraw, name="post_withdraw"),
    path("espai/<slug:slug>/acords/", agreements.agreements, name="agreements"),
    path("espai/<slug:slug>/acords/nou/", agreements.agreement_new, name="agreement_new"),
    path("espai/<slug:slug>/acords/<int:pk>/", agreements.agreement_detail, name="agreement"),
    path("espai/<slug:slug>/mentoria/", mentoring.space_mentoring, name="space_mentoring"),
    # Mentoring
    path("mentoria/", mentoring.public_mentoring, name="mentoring"),
]
