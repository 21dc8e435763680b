"""Date formats per language (FORMAT_MODULE_PATH), in one place for pages, the admin panels (ours and
Wagtail's date tooltips) and exports: "1 de març de 2024", "1 de marzo de 2024", "1 March 2024".

Catalan elides "de" before a vowel ("20 d'octubre de 2025"), which a format string cannot decide: its
format writes the month's alternative name (`E`), and our catalogue gives those names with their
preposition (see core.dates.MONTHS_WITH_PREPOSITION).
"""
