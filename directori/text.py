import re
import unicodedata


def fold(text):
    """Case- and accent-insensitive key: 'Mediació Familiar' and 'mediacio familiar' match."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
