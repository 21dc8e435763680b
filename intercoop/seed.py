"""Demo content of the intercooperation tools, added by `manage.py seed_demo` after the directory's and
the sector tables' (INSTALLED_APPS order). Each part looks its objects up by stable keys, so a rerun
changes nothing."""


def run(command):
    """Accounts first: posts, agreements and pairings belong to the initiatives they give a space."""
