"""The client's address, the one thing every per-client limit keys on (proposals, login throttling).

Behind the reverse proxy the README requires, REMOTE_ADDR is the proxy's address: keying on it puts
the whole city in one bucket. X-Forwarded-For cannot be trusted blindly either: its left part is
whatever the client wrote. With TRUSTED_PROXY_COUNT = N proxies in front of the site, each appending
the address it saw, the client is the Nth address from the right; anything left of it is ignored.
"""

import ipaddress

from django.conf import settings


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The client's IP address as the trusted proxies saw it; REMOTE_ADDR with none configured, or
    when the header is missing, too short (the request skipped a proxy) or not an address. None when
    even REMOTE_ADDR is not an address (a test client, a Unix socket without a proxy header)."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count and (address := _valid(forwarded[-count])):
            return address
    return _valid(remote)
