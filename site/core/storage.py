"""Static files storage for production: whitenoise's compressed, hashed manifest storage that
tolerates a missing source map.

Vendored JavaScript and CSS (xstatic's Leaflet.markercluster) end with a `sourceMappingURL` comment
naming a `.map` file the package does not ship. Django's manifest storage rewrites that reference
to the map's hashed name and aborts `collectstatic` when the map is missing, and without a manifest
every page answers 500. A source map is a debugging aid the browser fetches only when its developer
tools ask, so a missing one keeps its plain name; any other missing reference (an image or font a
stylesheet needs) still fails `collectstatic`.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class ManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def hashed_name(self, name, content=None, filename=None):
        try:
            return super().hashed_name(name, content, filename)
        except ValueError:
            if content is None and (filename or name).split("?")[0].split("#")[0].endswith(".map"):
                return name
            raise
