"""Date formats per language (FORMAT_MODULE_PATH), in one place for pages, the admin panels we render
and exports: "1 de març de 2024", "1 de marzo de 2024", "1 March 2024".

Catalan elides "de" before a vowel ("20 d'octubre de 2025"), which a Django format string cannot
say; `core.dates.long_date` applies the elision to what these formats give.
"""
