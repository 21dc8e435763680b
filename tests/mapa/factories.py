"""Map test data: the social-market layer with shops placed where the tests need them."""

from directori.models import LayerTag
from mapa.models import Layer
from tests.factories import InitiativeFactory


def market_layer(shops, **layer):
    """The "mercat-social" layer (initiatives tagged mercat-social) and live shops in it:
    {name: (lon, lat)} -> {name: Initiative}."""
    tag = LayerTag.objects.get(slug="mercat-social")
    market = Layer.objects.create(slug="mercat-social", name="Mercat social", kind="initiatives", **layer)
    market.tags.add(tag)
    placed = {
        name: InitiativeFactory(name=name, longitude=lon, latitude=lat, tags=[tag])
        for name, (lon, lat) in shops.items()
    }
    return market, placed
