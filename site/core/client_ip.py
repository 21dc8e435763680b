"""The client's address, the one thing every per-client limit keys on (proposals, login throttling).

Behind the reverse proxy the README requires, REMOTE_ADDR is the proxy's address: keying on it puts
the whole city in one bucket. X-Forwarded-For cannot be trusted blindly either: its left part is
whatever the client wrote. With TRUSTED_PROXY_COUNT = N proxies in front of the site, each appending
the address it saw, the client is the Nth address from the right; anything left of it is ignored.

An IPv6 client counts as its /64 network: a home or mobile connection is given a whole /64 and may
pick a new address in it for every request, so a limit on the full address would limit nothing.
"""

import ipaddress

from django.conf import settings

IPV6_PREFIX = 64


def _valid(address):
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return None
    if ip.version == 6:
        if ip.ipv4_mapped:  # ::ffff:203.0.113.7 is an IPv4 client
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/{IPV6_PREFIX}", strict=False).network_address)
    return str(ip)


def client_ip(request):
    """The client's IP address as the trusted proxies saw it, an IPv6 one as the first address of its
    /64 (still an address: django-axes stores it as one); REMOTE_ADDR with no proxy configured, or
    when the header is missing, too short (the request skipped a proxy) or not an address. None when
    even REMOTE_ADDR is not an address (a test client, a Unix socket without a proxy header)."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count and (address := _valid(forwarded[-count])):
            return address
    return _valid(remote)
