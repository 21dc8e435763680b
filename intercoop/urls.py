"""Public routes of the intercooperation tools, under the language prefix: the bank of collaborations
(/collaboracions/), the initiatives' spaces (/espai/) and the mentoring programme (/mentoria/)."""

from django.urls import path

from .views import bank, posts

app_name = "intercoop"
urlpatterns = [
    path("collaboracions/<slug:slug>/", posts.post_detail, name="post"),
    path("collaboracions/", bank.post_list, name="posts"),
    path("espai/<slug:slug>/ofertes/", bank.space_posts, name="space_posts"),
    path("espai/<slug:slug>/ofertes/nova/", bank.post_new, name="post_new"),
    path("espai/<slug:slug>/ofertes/<slug:post_slug>/", bank.post_edit, name="post_edit"),
    path("espai/<slug:slug>/ofertes/<slug:post_slug>/retira/", bank.post_withdraw, name="post_withdraw"),
]
