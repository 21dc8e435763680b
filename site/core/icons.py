"""The icons a sector table or a map layer may wear (a layer takes its table's). Both `sectors` and
`mapa` offer the same list, and `mapa` should not reach into `sectors` for a vocabulary, so it lives in
the shared core; each name is a drawing in sectors/static/sectors/icons/<name>.svg."""

from django.utils.translation import gettext_lazy as _

ICON_CHOICES = [
    ("leaf", _("Leaf")),
    ("basket", _("Basket")),
    ("house", _("House")),
    ("shirt", _("Shirt")),
    ("bolt", _("Lightning bolt")),
    ("bicycle", _("Bicycle")),
    ("heart", _("Heart")),
    ("coins", _("Coins")),
    ("palette", _("Palette")),
    ("alert", _("Alert")),
]
