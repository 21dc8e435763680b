"""Smoke test of a running production stack over HTTP, as the reverse proxy would call it.

    python tests/production/smoke.py http://127.0.0.1:8100            # every page type, admin, data
    python tests/production/smoke.py http://127.0.0.1:8100 --degraded # pages, layers, search only
    python tests/production/smoke.py http://127.0.0.1:8100 --database-down

It is a script, not a pytest module, so the normal suite never collects (or silently skips) it; CI's
production stage (.ci/production) runs it against gunicorn with the demo content (`seed_demo`), which
is where the paths below come from. Every request says `X-Forwarded-Proto: https` like the proxy.
Any unexpected status fails the run with the list of what failed; the exit status is 1.
"""

import argparse
import json
import os
import re
import sys

import requests

PAGES = {  # page type: a demo path
    "home": "/ca/",
    "standard page": "/ca/sobre-el-projecte/",
    "directory": "/ca/directori/",
    "initiative": "/ca/directori/iniciativa/acompanya-hostafrancs/",
    "district": "/ca/directori/districte/sants-montjuic/",
    "neighbourhood": "/ca/directori/barri/hostafrancs/",
    "sectors index": "/ca/sectors/",
    "sector page": "/ca/sectors/agroecologia/",
    "tractor project": "/ca/sectors/agroecologia/espai-participatiu-agropolis/",
    "news page": "/ca/sectors/agroecologia/guia-menjadors-sostenibles/",
    "map": "/ca/mapa/",
    "embed": "/ca/mapa/incrusta/",
    "search": "/ca/cerca/?q=habitatge",
    "proposal form": "/ca/directori/proposa/",
    "bank of collaborations": "/ca/collaboracions/?districte=sants-montjuic",
    "offer": "/ca/collaboracions/sala-per-a-tallers-i-formacions/",
    "mentoring": "/ca/mentoria/",
    "initiative sign-in": "/ca/compte/entra/",
    "page in Spanish": "/es/directori/",
    "page in English": "/en/mapa/",
}
LAYER = "/ca/mapa/capes/districtes.geojson"
EXPORT = "/ca/directori/export.csv"
AGREEMENTS = "/ca/collaboracions/acords.csv"
API = "/api/v1/initiatives"
UNAVAILABLE = {"/ca/": "No disponible temporalment", "/es/directori/": "No disponible temporalmente"}
UNAVAILABLE |= {"/en/mapa/": "Temporarily unavailable"}


class Smoke:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.session = requests.Session()
        self.session.headers["X-Forwarded-Proto"] = "https"
        self.cookies = {}  # sent by hand: the cookies are Secure and this client speaks plain HTTP
        self.failures = []
        self.checked = 0

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def request(self, method, path, **kwargs):
        response = self.session.request(
            method, self.base + path, cookies=self.cookies, allow_redirects=False, timeout=60, **kwargs
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def check(self, name, response, status=200, content_type=None, contains=None):
        """Record a failure unless the response has the status, content type and text expected."""
        self.checked += 1
        problems = []
        if response.status_code != status:
            problems.append(f"status {response.status_code}, expected {status}")
        if content_type and not response.headers.get("Content-Type", "").startswith(content_type):
            problems.append(f"Content-Type {response.headers.get('Content-Type')!r}, expected {content_type}")
        if contains and contains not in response.text:
            problems.append(f"no {contains!r} in the body")
        verdict = "FAIL " + "; ".join(problems) if problems else "ok"
        print(
            f"{response.status_code} {response.request.method} {response.request.path_url}  [{name}] {verdict}"
        )
        if problems:
            self.failures.append(f"{name} ({response.request.path_url}): {'; '.join(problems)}")
        return not problems

    def pages(self):
        for name, path in PAGES.items():
            response = self.get(path)
            self.check(name, response, content_type="text/html", contains="</html>")
        return response

    def data(self):
        self.check(
            "layer", self.get(LAYER), content_type="application/geo+json", contains="FeatureCollection"
        )
        self.check("export", self.get(EXPORT), content_type="text/csv")
        self.check("agreements' open data", self.get(AGREEMENTS), content_type="text/csv")
        response = self.get(API)
        if self.check("API", response, content_type="application/json"):
            first = response.json()["results"][0]["slug"]
            self.check("API item", self.get(f"{API}/{first}"), content_type="application/json")

    def static(self):
        home = self.get("/ca/").text
        stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home)
        if not stylesheet:
            self.failures.append("home: no hashed /static/css/site.<hash>.css (collectstatic's manifest)")
            return
        self.check("static file", self.get(stylesheet.group(1)), content_type="text/css")
        # the map's scripts and styles leave compressed (collectstatic's .br/.gz beside each file)
        embed = self.get("/ca/mapa/incrusta/?districte=gracia").text
        for asset in re.findall(r'(?:src|href)="(/static/(?:vendor/leaflet|mapa)[^"]+)"', embed):
            response = self.get(asset, headers={"Accept-Encoding": "br, gzip"})
            if self.check("map asset", response) and response.headers.get("Content-Encoding") not in (
                "br",
                "gzip",
            ):
                self.failures.append(f"map asset ({asset}): not compressed")

    def health(self, ready_status=200):
        self.check("liveness", self.get("/healthz", headers={"Accept": "application/json"}))
        self.check(
            "readiness", self.get("/readyz", headers={"Accept": "application/json"}), status=ready_status
        )

    def admin(self):
        """Log in through the admin's form (CSRF cookie and token, the Origin a browser sends)."""
        login = self.get("/admin/login/")
        if not self.check("admin login form", login, contains="csrfmiddlewaretoken"):
            return
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
        origin = "https://" + self.base.split("://", 1)[1]
        response = self.request(
            "POST",
            "/admin/login/",
            data={
                "csrfmiddlewaretoken": token,
                "username": "admin",
                "password": os.environ.get("DEMO_PASSWORD", "ess-demo-2026"),
                "next": "/admin/",
            },
            headers={"Origin": origin, "Referer": origin + "/admin/login/"},
        )
        if self.check("admin login", response, status=302):
            self.check("admin dashboard", self.get("/admin/"), contains="wagtail")

    def database_down(self):
        for path, text in UNAVAILABLE.items():
            response = self.get(path)
            self.check(f"503 page {path}", response, status=503, content_type="text/html", contains=text)
            if response.headers.get("Retry-After") is None:
                self.failures.append(f"{path}: 503 without Retry-After")
        response = self.get(API)
        self.check("API 503", response, status=503, content_type="application/json")
        if response.headers.get("Retry-After") is None:
            self.failures.append(f"{API}: 503 without Retry-After")
        self.health(ready_status=503)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="e.g. http://127.0.0.1:8100")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--degraded", action="store_true", help="pages, layers and search only (a fault)")
    mode.add_argument("--database-down", action="store_true", help="expect 503 with Retry-After")
    options = parser.parse_args()
    smoke = Smoke(options.base)
    if options.database_down:
        smoke.database_down()
    elif options.degraded:
        smoke.pages()
        smoke.check("layer", smoke.get(LAYER), content_type="application/geo+json")
    else:
        smoke.pages()
        smoke.data()
        smoke.static()
        smoke.health()
        smoke.admin()
    print(json.dumps({"checked": smoke.checked, "failed": len(smoke.failures)}))
    if smoke.failures:
        print("\n".join(["SMOKE TEST FAILED:", *smoke.failures]), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
