# "1 de març de 2024"; core.dates.long_date turns "de octubre" into "d'octubre". Django's own Catalan
# format ("j E \d\e Y") gives "1 gener de 2024": its alternative month names lack the "de".
DATE_FORMAT = r"j \d\e F \d\e Y"
DATETIME_FORMAT = r"j \d\e F \d\e Y, H:i"
