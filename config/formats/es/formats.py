"""Spanish date formats with the month in lower case, as Spanish writes it ("1 de diciembre de 2026").

Django's own Spanish formats use `F`, whose Spanish month names are capitalised ("Diciembre");
`E` is the locale's alternative month name, lower case in Spanish. Only the formats that name the
month are here: Django reads every other format from its own Spanish module.
"""

DATE_FORMAT = r"j \d\e E \d\e Y"
DATETIME_FORMAT = r"j \d\e E \d\e Y \a \l\a\s H:i"
MONTH_DAY_FORMAT = r"j \d\e E"
YEAR_MONTH_FORMAT = r"E \d\e Y"
