"""Bulk import of initiatives from CSV, XLSX or GeoJSON, described by a TOML mapping.

Real files are messy: UTF-8 with or without BOM, UTF-16, Latin-1, `;` or tab
delimiters, decimal commas, coordinates in EPSG:25831, repeated rows. Every row is validated first; a
rejection names the file line, the column and the reason. Writing happens in one transaction: without
`partial`, one rejected row means nothing is written; a dry run writes nothing either way.

Files are bounded before they are read (rows, and an XLSX's unpacked size), one import of a source
runs at a time, rows are written in chunks so memory stays flat, and every row written gets a
revision, recorded with the one before it so that `undo_import` can put a whole import back.

The package follows the import's steps, each module depending only on those before it:
`mapping` (the TOML mapping and the fields), `report` (rejections and counts), `reading` (file to
rows of text), `validation` (rows to clean values or rejections), `bulk` (bulk writes and indexes),
`writing` (`run_import`), `undo` (`undo_import`). What callers use is re-exported here.
"""

from .bulk import update_search_index
from .mapping import ImportFileError, Mapping
from .report import ImportReport, Rejection
from .undo import undo_import
from .writing import lock_source, run_import, source_transaction

__all__ = [
    "ImportFileError",
    "ImportReport",
    "Mapping",
    "Rejection",
    "lock_source",
    "source_transaction",
    "run_import",
    "undo_import",
    "update_search_index",
]
