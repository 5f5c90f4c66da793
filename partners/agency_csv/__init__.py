"""Agencies as CSV: an export with what each agency offers, and an all-or-nothing import that
reports every bad cell by row and column, in the language of the person importing.

``COLUMNS`` is the one description of the file. Each entry says, once, how its cells are
written (``export``), read (``parse``, which raises CellError for a bad cell) and checked: a
model field column goes through the model's own rules (``AgencyCsvForm``), any other column has
an ``apply`` that writes its value once the row is saved. An entry with ``each`` stands for a
family of columns, one per service ("service:<slug>") or site language ("description:<code>",
and "service_area:<code>" for the languages other than the default, whose text is "service_area").
Export, the header check, the row check and the import all read the table, so adding a column
is one entry. Cells are made spreadsheet-safe on the way out and unescaped on the way in
(home.csv).
"""

from .columns import COLUMNS, Column
from .exporting import export_agencies_csv
from .importing import AgencyImportError, ImportResult, RowError, describe_import, import_agencies_csv

__all__ = [
    "COLUMNS",
    "AgencyImportError",
    "Column",
    "ImportResult",
    "RowError",
    "describe_import",
    "export_agencies_csv",
    "import_agencies_csv",
]
