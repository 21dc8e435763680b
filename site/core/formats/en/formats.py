# "1 March 2024", as British English writes it (Django's default "March 1, 2024" is American)
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
