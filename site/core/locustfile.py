"""The storm of `manage.py bench --only core` (core/bench.py starts it): 32 visitors and scripts at once
on the public site, mixing what people read (home, directory, initiative pages) with what costs the
most (whole-city exports, the API's GeoJSON, map layers with random boxes). Each request is named by
its endpoint, so locust's figures read per endpoint. Run only against the loopback gunicorn the
benchmark starts: it sends a proxy's `X-Forwarded-Proto: https`, as the reverse proxy would.
"""

from locust import HttpUser, between, task
from numpy.random import default_rng

# The city's bounding box, roughly: boxes are drawn inside it, from a street to a few districts wide.
WEST, SOUTH, EAST, NORTH = 2.07, 41.32, 2.23, 41.47
rng = default_rng()


def pick(values):
    return values[int(rng.integers(len(values)))]


class Visitor(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self):
        self.client.headers["X-Forwarded-Proto"] = "https"
        vocabulary = self.client.get("/api/v1/sectors", name="/api/v1/<vocabulary>").json()
        self.sectors = [term["slug"] for term in vocabulary]
        areas = self.client.get("/api/v1/districts", name="/api/v1/<vocabulary>").json()
        self.districts = [area["slug"] for area in areas]
        layers = self.client.get("/ca/mapa/capes/", name="/ca/mapa/capes/").json()["layers"]
        self.layers = [layer["slug"] for layer in layers]
        first = self.client.get(
            "/api/v1/initiatives", params={"page_size": 100}, name="/api/v1/initiatives?page=<n>"
        )
        self.pages = first.json()["pages"]
        self.slugs = [item["slug"] for item in first.json()["results"]]

    @task(4)
    def home(self):
        self.client.get("/ca/", name="home /ca/")

    @task(4)
    def directory(self):
        params = {"sector": pick(self.sectors), "pagina": int(rng.integers(1, 6))}
        if rng.random() < 0.5:
            params["districte"] = pick(self.districts)
        self.client.get("/ca/directori/", params=params, name="/ca/directori/?<filters>")

    @task(4)
    def initiative(self):
        self.client.get(
            f"/ca/directori/iniciativa/{pick(self.slugs)}/", name="/ca/directori/iniciativa/<slug>/"
        )

    @task(2)
    def api_page(self):
        response = self.client.get(
            "/api/v1/initiatives",
            params={"page": int(rng.integers(1, self.pages + 1)), "page_size": 100},
            name="/api/v1/initiatives?page=<n>",
        )
        self.slugs = [item["slug"] for item in response.json()["results"]] or self.slugs

    @task(1)
    def api_geojson(self):
        self.client.get("/api/v1/initiatives.geojson", name="/api/v1/initiatives.geojson")

    @task(3)
    def export(self):
        fmt = pick(["csv", "geojson", "jsonld"])
        self.client.get(f"/ca/directori/export.{fmt}", name=f"/ca/directori/export.{fmt}")

    @task(1)
    def filtered_export(self):
        self.client.get(
            "/ca/directori/export.csv",
            params={"districte": pick(self.districts)},
            name="/ca/directori/export.csv?districte=<d>",
        )

    @task(2)
    def layer(self):
        self.client.get(
            f"/ca/mapa/capes/{pick(self.layers)}.geojson",
            headers={"Accept-Encoding": "gzip"},
            name="/ca/mapa/capes/<layer>.geojson",
        )

    @task(4)
    def layer_in_a_box(self):
        width = rng.uniform(0.005, 0.05)
        west, south = rng.uniform(WEST, EAST - width), rng.uniform(SOUTH, NORTH - width)
        self.client.get(
            f"/ca/mapa/capes/{pick(self.layers)}.geojson",
            params={"bbox": f"{west:.5f},{south:.5f},{west + width:.5f},{south + width:.5f}"},
            headers={"Accept-Encoding": "gzip"},
            name="/ca/mapa/capes/<layer>.geojson?bbox=<random>",
        )
