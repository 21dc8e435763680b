# "1 de març de 2024", "20 d'octubre de 2025": `E` is the month's alternative name, which our catalogue
# gives with its preposition, elided before a vowel ("de març", "d'octubre"; see core.dates). Django's
# own Catalan has the same format but bare names, so it wrote "1 gener de 2024".
DATE_FORMAT = r"j E \d\e Y"
DATETIME_FORMAT = r"j E \d\e Y, H:i"
