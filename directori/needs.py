"""Reading a query, in one place: which of its words are needs (need words staff keep in the admin,
and the sectors', kinds' and map layers' own names, in Catalan, Spanish and English), which are places
(districts and neighbourhoods, whole words only), and which are plain words.

The directory, the map and the site search all call `interpret(text)`. The vocabulary is read from the
database whenever its fingerprint changes (checked on every call, a few aggregate queries), so a word
added in the admin works at once on every process, with nothing to restart or re-index.
"""

import hashlib
import threading
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q

from core.text import MIN_STEM, SPLITTERS, STOP_WORDS, fold, light_stem

from .models import District, EssFamily, Initiative, LayerTag, NeedWord, Neighbourhood, Sector

ARTICLES = frozenset(["el", "la", "l", "els", "les"])
# Words that say "sort by distance from the place that follows" ("a prop de Gràcia", "cerca de",
# "near"), each with the words that may follow it before the place.
NEAR = {"prop": ("de", "d", "del"), "cerca": ("de", "del"), "near": ("to",), "close": ("to",)}
NEAR_ME = frozenset(["meu", "meva", "me", "mi", "my"])  # "a prop meu": the caller's own position
RELATED = 5


@dataclass(frozen=True)
class Token:
    word: str  # folded
    capital: bool  # typed with a capital letter
    article: bool  # after el/la/l'/els/les
    near: bool = False  # after "a prop de", "cerca de", "near"


def tokens(text):
    """The meaningful words of `text`, folded, with what the words around them say."""
    raw = []
    for piece in SPLITTERS.sub(" ", text).split():
        raw += [(word, piece[:1].isupper()) for word in fold(piece).split()]
    found, near, article = [], False, False
    i = 0
    while i < len(raw):
        word, capital = raw[i]
        if word in NEAR:
            following = NEAR[word]
            j = i + 1
            while j < len(raw) and raw[j][0] in following:
                j += 1
            if word == "prop" or j > i + 1 or word == "near":
                near, i = True, j
                continue
        if near and word in NEAR_ME:
            near = False
        elif word in ARTICLES:
            article = True
        elif len(word) > 1 and word not in STOP_WORDS:
            found.append(Token(word, capital, article, near))
            near = article = False
        i += 1
    return found


def phrase_words(text):
    return tuple(t.word for t in tokens(text))


@dataclass
class Need:
    """What a need word (or a sector's, kind's or layer's name) points to, by primary key."""

    text: str
    language: str
    sectors: set = field(default_factory=set)
    families: set = field(default_factory=set)
    tags: set = field(default_factory=set)

    def merge(self, other):
        self.sectors |= other.sectors
        self.families |= other.families
        self.tags |= other.tags


@dataclass
class Vocabulary:
    needs: dict = field(default_factory=dict)  # stemmed words → Need
    places: dict = field(default_factory=dict)  # folded words → ("neighbourhood" | "district", slug)
    words: list = field(default_factory=list)  # (text, language, Need) of each need word, for `related`
    names: dict = field(default_factory=dict)  # ("sector" | "family" | "tag", pk) → Catalan name
    labels: dict = field(default_factory=dict)  # place slug → name
    languages: dict = field(default_factory=dict)  # folded phrase → the language it was written in
    entries: list = field(default_factory=list)  # (folded, text, language, "need" | "sector" | "family")

    def add_need(self, text, need, kind="need"):
        folded = phrase_words(text)
        key = tuple(light_stem(w) for w in folded)
        if not key:
            return
        self.languages.setdefault(" ".join(folded), need.language)
        if kind != "tag":
            self.entries.append((fold(text), text, need.language, kind))
        if key in self.needs:
            self.needs[key].merge(need)
        else:
            self.needs[key] = Need(text, need.language, set(need.sectors), set(need.families), set(need.tags))

    @property
    def longest(self):
        return max((len(k) for k in (*self.needs, *self.places)), default=0)


def _build():
    vocabulary = Vocabulary()
    for word in NeedWord.objects.prefetch_related("sectors", "families", "tags"):
        need = Need(
            word.text,
            word.language,
            {s.pk for s in word.sectors.all()},
            {f.pk for f in word.families.all()},
            {t.pk for t in word.tags.all()},
        )
        vocabulary.words.append((word.text, word.language, need))
        for phrase in word.phrases():
            vocabulary.add_need(phrase, need)
    for model, kind in ((Sector, "sector"), (EssFamily, "family"), (LayerTag, "tag")):
        for term in model.objects.all():
            vocabulary.names[(kind, term.pk)] = term.name
            targets = {"sector": "sectors", "family": "families", "tag": "tags"}[kind]
            for language, name in (("ca", term.name), ("es", term.name_es), ("en", term.name_en)):
                if name:
                    vocabulary.add_need(name, Need(name, language, **{targets: {term.pk}}), kind)
    # Districts first, so a neighbourhood of the same name ("Sant Andreu") takes the key.
    for model, kind in ((District, "district"), (Neighbourhood, "neighbourhood")):
        for area in model.objects.defer("geometry"):
            vocabulary.places[phrase_words(area.name)] = (kind, area.slug)
            vocabulary.labels[area.slug] = area.name
    return vocabulary


def fingerprint():
    """Changes whenever a need word, its links, a sector, kind, layer tag or area changes."""
    tables = [
        NeedWord,
        *(NeedWord._meta.get_field(n).remote_field.through for n in ("sectors", "families", "tags")),
    ]
    aggregates = [("COUNT(*)", m) for m in tables] + [("MAX(updated_at)", NeedWord)]
    aggregates += [("MAX(id)", m) for m in tables[1:]] + [
        (aggregate, m) for m in (District, Neighbourhood) for aggregate in ("COUNT(*)", "MAX(updated_at)")
    ]  # counts too: a deleted area must leave the vocabulary
    columns = ", ".join(f"(SELECT {a} FROM {m._meta.db_table})" for a, m in aggregates)  # noqa: S608  (no values)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")  # noqa: S608  (our aggregates and table names, no values)
        state = [cursor.fetchone()]
    state += [list(m.objects.order_by("pk").values_list()) for m in (Sector, EssFamily, LayerTag)]
    return hashlib.sha256(repr(state).encode()).hexdigest()


_cache = {}
_lock = threading.Lock()


def vocabulary():
    """The vocabulary as the database holds it now, built again only when it changed."""
    key = (connection.alias, connection.settings_dict.get("NAME"), fingerprint())
    with _lock:
        if key not in _cache:
            _cache.clear()
            _cache[key] = _build()
        return _cache[key]


@dataclass
class Interpretation:
    text: str
    words: list = field(default_factory=list)  # meaningful folded words, places out
    free: list = field(default_factory=list)  # the words that are not part of a need
    needs: list = field(default_factory=list)  # (words as typed, folded; Need)
    districts: list = field(default_factory=list)  # slugs
    neighbourhoods: list = field(default_factory=list)  # slugs
    near: str = ""  # a neighbourhood's slug: sort by distance from it
    related: list = field(default_factory=list)  # other need words, for zero results
    place_names: dict = field(default_factory=dict)  # slug → name, for chips
    names: dict = field(default_factory=dict)  # ("sector" | "family" | "tag", pk) → Catalan name

    @property
    def q(self):
        """Live initiatives are filtered by this: every free word and every need must match."""
        condition = Q()
        for word in self.free:
            condition &= word_q(word)
        for typed, need in self.needs:
            condition &= need_q(typed, need)
        return condition

    def alternatives(self, need):
        """The Catalan names of what `need` points to: the search backends look for these too."""
        keys = [("sector", pk) for pk in need.sectors] + [("family", pk) for pk in need.families]
        keys += [("tag", pk) for pk in need.tags]
        return sorted({self.names[key] for key in keys if key in self.names})


def word_q(word):
    """The initiative's folded text has a word starting with `word` or with its light stem."""
    condition = Q()
    for start in dict.fromkeys((word, light_stem(word))):
        condition |= Q(search_text__startswith=start) | Q(search_text__contains=f" {start}")
    return condition


def need_q(typed, need):
    links = Q()
    if need.sectors:
        links |= Q(
            pk__in=Initiative.sectors.through.objects.filter(sector_id__in=need.sectors).values(
                "initiative_id"
            )
        )
    if need.tags:
        links |= Q(
            pk__in=Initiative.tags.through.objects.filter(layertag_id__in=need.tags).values("initiative_id")
        )
    if need.families:
        links |= Q(family_id__in=need.families)
    return need_text_q(typed) | links


def need_text_q(typed):
    """The folded text has every word of the need as typed (a short one as a whole word): what a need
    asks of any text, an initiative's or an offer's (intercoop.bank adds its own links)."""
    text = Q()
    for word in typed:
        text &= word_q(word) if len(word) >= MIN_STEM else whole_word_q(word)
    return text


def whole_word_q(word):
    """The initiative's folded text has `word` as a whole word: a short need word ("pa", "llum")
    must not find every word that starts like it; what it points to finds the rest."""
    return (
        Q(search_text=word)
        | Q(search_text__startswith=f"{word} ")
        | Q(search_text__contains=f" {word} ")
        | Q(search_text__endswith=f" {word}")
    )


def interpret(text):
    """What `text` asks for: see `Interpretation`. Places are matched on whole folded words, the
    longest name first ("Sants" is never "Sant Pere, Santa Caterina i la Ribera"); a one-word place
    that is also a need ("Horta", "la Salut") is a place only with a capital or an article."""
    vocab = vocabulary()
    found = tokens(text)
    result = Interpretation(text=text, place_names=vocab.labels, names=vocab.names)
    longest, i = vocab.longest, 0
    while i < len(found):
        place = need = None
        for size in range(min(longest, len(found) - i), 0, -1):
            key = tuple(t.word for t in found[i : i + size])
            if key in vocab.places and not place:
                stems = tuple(light_stem(w) for w in key)
                if stems not in vocab.needs or found[i].capital or found[i].article:
                    place = (size, vocab.places[key])
            stems = tuple(light_stem(w) for w in key)
            if stems in vocab.needs and not need:
                need = (size, key, vocab.needs[stems])
        if place and (not need or place[0] >= need[0]):
            size, (kind, slug) = place
            if found[i].near and kind == "neighbourhood":
                result.near = slug
            else:
                target = result.neighbourhoods if kind == "neighbourhood" else result.districts
                if slug not in target:
                    target.append(slug)
            i += size
            continue
        if need:
            size, key, matched = need
            result.needs.append((key, matched))
            result.words += key
            i += size
            continue
        result.words.append(found[i].word)
        result.free.append(found[i].word)
        i += 1
    result.related = _related(vocab, result.needs)
    return result


def starting_with(text, language, limit):
    """Need words, sectors and kinds whose name starts with `text` (folded), the visitor's language
    first, shortest first: [(name, "need" | "sector" | "family")]."""
    start = fold(text)
    if len(start) < 2:
        return []
    found, seen = [], set()
    for folded, name, _language, kind in sorted(
        (entry for entry in vocabulary().entries if entry[0].startswith(start)),
        key=lambda entry: (entry[2] != language, entry[3] == "need", len(entry[0]), entry[0]),
    ):
        if folded not in seen:
            seen.add(folded)
            found.append((name, kind))
    return found[:limit]


def _related(vocab, needs):
    """Other need words pointing to the same sectors, in the language of the first need typed."""
    if not needs:
        return []
    sectors = set().union(*(need.sectors for _, need in needs))
    typed = {fold(need.text) for _, need in needs} | {" ".join(key) for key, _ in needs}
    key, need = needs[0]
    language = vocab.languages.get(" ".join(key), need.language)
    found = [
        text
        for text, word_language, need in vocab.words
        if word_language == language and need.sectors & sectors and fold(text) not in typed
    ]
    return found[:RELATED]
