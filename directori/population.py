"""Population of districts and neighbourhoods from Open Data BCN's padró (register of residents).

Reads the official per-census-section file (`pad_mdbas`: Codi_Districte, Codi_Barri, Valor), which
gives both levels, or already summed tables with a `Poblacio` column per district or per barri.
Codes may come without zero padding ("1" is district "01").
"""

from django.utils.translation import gettext as _

import pandas as pd

from .boundaries import BoundaryError, _code
from .models import District, Neighbourhood


def read_population(path):
    """{("district" | "neighbourhood", code): (population, date)} from one CSV."""
    try:
        table = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise BoundaryError(
            _("%(source)s: cannot be read (%(error)s)")
            % {"source": path, "error": str(error).splitlines()[0]}
        ) from None
    columns = {c.lower(): c for c in table.columns}
    value = columns.get("valor") or columns.get("poblacio")
    if value is None or "codi_districte" not in columns:
        raise BoundaryError(
            _("%(path)s: expected Codi_Districte and Valor (or Poblacio) columns") % {"path": path}
        )
    try:
        table[value] = pd.to_numeric(table[value], errors="raise").astype(int)
    except ValueError:
        raise BoundaryError(
            _("%(path)s: the %(column)s column holds values that are not numbers")
            % {"path": path, "column": value}
        ) from None
    date = (
        pd.to_datetime(table[columns["data_referencia"]]).max().date()
        if "data_referencia" in columns
        else None
    )
    result = {}
    levels = [("district", columns["codi_districte"])]
    if "codi_barri" in columns:
        levels.append(("neighbourhood", columns["codi_barri"]))
    summed = "valor" in columns  # per census section: sum; already-summed tables hold one row per area
    for level, code_column in levels:
        if not summed and level == "district" and "codi_barri" in columns:
            continue  # a per-barri table: its district rows are not totals
        totals = table.groupby(table[code_column].map(lambda v: _code(v, path)))[value].sum()
        result.update({(level, code): (int(total), date) for code, total in totals.items()})
    return result


def save_population(figures):
    """Store the figures on the loaded areas; returns how many areas got a population."""
    updated = 0
    for model, level in ((District, "district"), (Neighbourhood, "neighbourhood")):
        for area in model.objects.defer("geometry"):
            if (level, area.code) in figures:
                area.population, area.population_date = figures[(level, area.code)]
                area.save(update_fields=["population", "population_date"])
                updated += 1
    return updated
