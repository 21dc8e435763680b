"""Point 6 of issue 13: per-client limits that hold behind the reverse proxy, login throttling
(django-axes) and the image upload caps."""

import struct
import zlib

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory, override_settings

from wagtail.images.models import Image

import pytest

from core.client_ip import client_ip

PASSWORD = "una-contrasenya-llarga"


def request_from(remote, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


@pytest.mark.parametrize(
    ("count", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.7", None, "203.0.113.7"),
        (0, "203.0.113.7", "198.51.100.1", "203.0.113.7"),  # no proxy configured: the header is a lie
        (1, "127.0.0.1", "198.51.100.1", "198.51.100.1"),  # one proxy: the address it appended
        (1, "127.0.0.1", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # what the client wrote is ignored
        (2, "127.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.2", "198.51.100.1"),  # CDN + nginx
        (2, "127.0.0.1", "198.51.100.1", "127.0.0.1"),  # shorter than the proxy chain: not trusted
        (1, "127.0.0.1", None, "127.0.0.1"),  # reached the site without the proxy
        (1, "127.0.0.1", "not-an-address", "127.0.0.1"),
        (1, "127.0.0.1", " 2001:db8::1 ", "2001:db8::"),
        # IPv6: one home connection is a /64, so its network is the client; IPv4 stays as it is.
        (0, "2001:db8:1:2:a:b:c:d", None, "2001:db8:1:2::"),
        (0, "2001:db8:1:3::1", None, "2001:db8:1:3::"),
        (0, "::ffff:203.0.113.7", None, "203.0.113.7"),
    ],
)
def test_client_address_comes_from_the_trusted_proxies(settings, count, remote, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(request_from(remote, forwarded)) == expected


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("staff", password=PASSWORD, is_staff=True, is_superuser=True)


def sign_in(client, password, forwarded=None, language="ca"):
    headers = {"Accept-Language": language}
    if forwarded:
        headers["X-Forwarded-For"] = forwarded
    return client.post(
        "/admin/login/", {"username": "staff", "password": password}, headers=headers, REMOTE_ADDR="127.0.0.1"
    )


def test_wrong_passwords_lock_the_sign_in_even_for_the_right_one(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong").status_code == 200  # the form again, with its error
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    text = response.content.decode()
    assert "Massa contrasenyes errònies des de la teva connexió. Espera 15 minuts" in text
    assert response["Retry-After"] == "900"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("es", "Demasiadas contraseñas erróneas desde tu conexión. Espera 15 minutos"),
        ("en", "Too many wrong passwords from your connection. Wait 15 minutes"),
    ],
)
def test_the_lockout_speaks_the_visitors_language(client, staff, settings, language, message):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong", language=language)
    assert message in sign_in(client, PASSWORD, language=language).content.decode()


def test_a_right_password_before_the_limit_signs_in(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_two_clients_are_counted_apart(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong", forwarded="198.51.100.1")
    assert sign_in(client, PASSWORD, forwarded="198.51.100.1").status_code == 429
    # The locked client cannot get out by writing another address in front of the proxy's.
    assert sign_in(client, PASSWORD, forwarded="6.6.6.6, 198.51.100.1").status_code == 429
    assert sign_in(client, PASSWORD, forwarded="198.51.100.2").status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_new_ipv6_address_in_the_same_64_does_not_unlock_the_sign_in(client, staff, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong", forwarded=f"2001:db8:1:2::{number + 1:x}")
    assert sign_in(client, PASSWORD, forwarded="2001:db8:1:2:ffff:1:2:3").status_code == 429
    assert sign_in(client, PASSWORD, forwarded="2001:db8:1:3::1").status_code == 302  # the next /64


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_without_a_proxy_a_forged_header_changes_nothing(client, staff, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong", forwarded=f"198.51.100.{number}")
    assert sign_in(client, PASSWORD, forwarded="198.51.100.200").status_code == 429


def png(width, height):
    """A real PNG of width x height black pixels (1 bit per pixel), built without decoding anything:
    11000 x 11000 compresses to some kilobytes, as the review's 353 KB file did."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    pixels = zlib.compress(row * height, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def upload(client, content, name="foto.png"):
    return client.post(
        "/admin/images/add/",
        {"title": "Foto", "file": SimpleUploadedFile(name, content, content_type="image/png")},
        headers={"Accept-Language": "ca"},
    )


def test_an_image_over_40_megapixels_is_refused_with_a_form_error(client, staff):
    client.force_login(staff)
    response = upload(client, png(11000, 11000))
    assert response.status_code == 200  # the admin's form again, with the error
    form = response.context["form"]
    assert "file" in form.errors
    assert "40000000" in str(form.errors["file"]).replace(".", "").replace(" ", "").replace("\u202f", "")
    assert not Image.objects.exists()


def test_a_normal_image_is_accepted(client, staff):
    client.force_login(staff)
    assert upload(client, png(800, 600)).status_code == 302
    assert Image.objects.get().width == 800


def test_a_corrupt_png_is_a_form_error_not_a_500(client, staff):
    client.force_login(staff)
    broken = png(800, 600)[:60] + b"\x00garbage" * 20  # a header, then nothing Pillow can read
    response = upload(client, broken)
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    multiple = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("foto.png", broken, content_type="image/png")},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    assert multiple.status_code == 200 and multiple.json()["success"] is False
    assert not Image.objects.exists()


def test_an_image_over_the_upload_size_cap_is_refused(client, staff, settings):
    client.force_login(staff)
    big = png(800, 600) + b"\x00" * (settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1)
    response = upload(client, big)
    assert response.status_code == 200 and "file" in response.context["form"].errors
    assert not Image.objects.exists()
