"""Catalan contractions in sentences composed from names, which no catalogue can write ahead: "Iniciativa
de " + "agroecologia" + " a " + "el Guinardó" must read "Iniciativa d'agroecologia al Guinardó".

The preposition and the masculine article contract ("a el" → "al", "de els" → "dels", "per el" →
"pel") and the feminine one is written in lower case ("de la Barceloneta", "Districte de les Corts");
"de" elides before a vowel or an h and a vowel ("d'agroecologia", "d'habitatge", "d'Horta"),
but not before an i or u that sounds as a consonant ("de iogurt", "de hiena"); and the one district
the open data names without the article it takes in a sentence gets it ("a l'Eixample"). The article
before the day 1 or 11 of a date elides too: "expirada l'1 de gener", "fins a l'11 de maig", "de l'1".
"""

import re

from .language import current_language

VOWEL = "aeiouàèéíïòóúü"
NAMES_WITH_ARTICLE = {"Eixample": "l'Eixample"}

_NAMED = re.compile(rf"\b([Aa]|[Dd]e|[Pp]er) ({'|'.join(NAMES_WITH_ARTICLE)})\b")
_ARTICLE = re.compile(r"\b([Aa]|[Dd]e|[Pp]er) [Ee]l(s?)\b")
_CONTRACTED = {"a": "al", "de": "del", "per": "pel"}
_FEMININE = re.compile(r"\b([Aa]|[Dd]e|[Pp]er) (La|Les|L')")
_DAY = re.compile(r"\b([Ee]l|[Aa]l|[Dd]el) (1|11)\b")
_DAY_ARTICLE = {"el": "l'", "al": "a l'", "del": "de l'"}
_ELISION = re.compile(rf"\b([Dd])e (?=h?[{VOWEL}])(?!h?[iu][{VOWEL}])", re.IGNORECASE)


def contract(text):
    """`text` with its contractions and elisions made (see the module's docstring)."""
    text = _NAMED.sub(lambda m: f"{m[1]} {NAMES_WITH_ARTICLE[m[2]]}", text)
    text = _ARTICLE.sub(lambda m: _same_case(m[1], _CONTRACTED[m[1].lower()]) + m[2], text)
    text = _FEMININE.sub(lambda m: f"{m[1]} {m[2].lower()}", text)
    text = _DAY.sub(lambda m: _same_case(m[1], _DAY_ARTICLE[m[1].lower()]) + m[2], text)
    return _ELISION.sub(r"\1'", text)


def _same_case(word, contracted):
    return contracted.capitalize() if word[0].isupper() else contracted


def in_catalan(text):
    """`text` contracted when the active language is Catalan (a sentence a catalogue wrote around a
    date or a name), else as it is."""
    return contract(text) if current_language() == "ca" else text
