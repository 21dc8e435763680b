"""Map test data: the social-market layer with shops placed where the tests need them."""

from directori.models import Initiative, LayerTag
from mapa.models import Layer


def market_layer(shops, **layer):
    """The "mercat-social" layer (initiatives tagged mercat-social) and live shops in it:
    {name: (lon, lat)} -> {name: Initiative}."""
    tag = LayerTag.objects.get(slug="mercat-social")
    market = Layer.objects.create(slug="mercat-social", name="Mercat social", kind="initiatives", **layer)
    market.tags.add(tag)
    placed = {}
    for name, (lon, lat) in shops.items():
        shop = Initiative(name=name, longitude=lon, latitude=lat, live=True)
        shop.save()
        shop.tags.add(tag)
        shop.save()  # a cluster's relations are written on save
        placed[name] = shop
    return market, placed
