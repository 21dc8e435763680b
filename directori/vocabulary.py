"""The need words the site starts with (staff edit them afterwards in the admin): what people type,
in Catalan, Spanish and English, and the sectors, kinds of organisation and map layer tags it means.
Sectors', families' and layer tags' own names need no entry here: `directori.needs` reads them too.

Each group: (sector slugs, family slugs, layer tag slugs, {language: [word, "word=synonym, synonym"]}).
"""

from core.text import fold

from .models import EssFamily, LayerTag, NeedWord, Sector

COOPERATIVES = [
    "cooperativa-de-treball",
    "cooperativa-de-consum",
    "cooperativa-d-habitatge",
    "cooperativa-de-serveis",
    "cooperativa-agraria",
    "cooperativa-integral",
]

GROUPS = [
    (
        ["agroecologia"],
        [],
        ["habitatge-alimentacio"],
        {
            "ca": [
                "fruita",
                "verdura=verdures, hortalisses",
                "cistella=cistelles",
                "menjar",
                "aliments=alimentacio, alimentació",
                "ecològic=ecològica, ecològics, ecològiques, bio",
                "agricultura",
                "pagès=pagesos, pagesia",
                "horta urbana=hort, horts",
                "pa=forn, fleca",
                "llet=formatge, làctics",
                "menjador=menjadors",
                "km 0=proximitat, quilòmetre zero",
            ],
            "es": [
                "fruta",
                "verdura=verduras, hortalizas",
                "cesta=cestas",
                "comida",
                "alimentos=alimentación",
                "ecológico=ecológica, ecológicos",
                "agricultura ecológica",
                "campesino=campesinos",
                "huerto urbano=huerto, huertos",
                "comedor=comedores",
            ],
            "en": [
                "fruit",
                "vegetables=veg, veggies",
                "veg box=food box",
                "food",
                "organic food=organic",
                "farmers=farming, farm",
                "urban garden=allotment",
                "bread=bakery",
                "canteen",
            ],
        },
    ),
    (
        ["consum"],
        [],
        ["mercat-social"],
        {
            "ca": [
                "botiga=botigues",
                "comerç just=comerc just",
                "consum responsable",
                "supermercat cooperatiu",
            ],
            "es": ["tienda=tiendas", "comercio justo", "consumo responsable", "supermercado cooperativo"],
            "en": ["shop=shops, store", "fair trade", "ethical shopping", "co-op supermarket"],
        },
    ),
    (
        [],
        ["grup-de-consum"],
        [],
        {"ca": ["grup de consum=grups de consum"], "es": ["grupo de consumo"], "en": ["buying group"]},
    ),
    (
        ["consum"],
        [],
        ["mercat-social"],
        {"ca": ["mercat=mercats, fira"], "es": ["mercado=mercados, feria"], "en": ["market=markets, fair"]},
    ),
    (
        ["habitatge"],
        ["cooperativa-d-habitatge"],
        [],
        {
            "ca": [
                "lloguer=lloguers",
                "pis=pisos, casa",
                "habitatge cooperatiu",
                "cessió d'ús=cessio d'us",
                "sostre",
                "masoveria urbana",
                "desnonament=desnonaments",
            ],
            "es": ["alquiler=alquileres", "piso=pisos", "vivienda cooperativa", "cesión de uso", "desahucio"],
            "en": [
                "rent=renting, rental",
                "flat=flats, apartment",
                "home=homes",
                "housing co-op",
                "eviction",
            ],
        },
    ),
    (
        ["textil"],
        [],
        [],
        {
            "ca": ["roba", "moda=moda sostenible", "costura=cosir", "teixit=teixits", "sabates=calçat"],
            "es": ["ropa", "moda sostenible", "costura=coser", "tejido=tejidos", "zapatos=calzado"],
            "en": ["clothes=clothing", "fashion=sustainable fashion", "sewing", "fabric=fabrics", "shoes"],
        },
    ),
    (
        ["transicio-energetica"],
        [],
        ["habitatge-energia"],
        {
            "ca": [
                "llum=electricitat",
                "plaques solars=placa solar, plaques fotovoltaiques, fotovoltaica",
                "energia renovable=renovables, energia verda",
                "comunitat energètica=comunitats energètiques",
                "rehabilitació energètica=aïllament",
                "pobresa energètica",
            ],
            "es": [
                "luz=electricidad",
                "placas solares=placa solar, fotovoltaica",
                "energía renovable=renovables",
                "comunidad energética",
                "pobreza energética",
            ],
            "en": [
                "electricity=power",
                "solar panels=solar",
                "renewable energy=renewables, green energy",
                "energy community",
                "energy poverty",
            ],
        },
    ),
    (
        ["mobilitat"],
        [],
        ["habitatge-mobilitat"],
        {
            "ca": [
                "bici=bicis, bicicleta, bicicletes",
                "missatgeria=missatger, repartiment",
                "cotxe compartit=carsharing",
                "transport",
                "taller de bicis",
            ],
            "es": [
                "bicicleta=bicis, bici",
                "mensajería=mensajero, reparto",
                "coche compartido",
                "transporte",
            ],
            "en": ["bike=bikes, bicycle, cycling", "courier=delivery", "car sharing", "transport"],
        },
    ),
    (
        ["cures"],
        [],
        ["habitatge-cures"],
        {
            "ca": [
                "gent gran=avis, persones grans",
                "canalla=infants, nens, criatures",
                "cangur",
                "escola bressol",
                "atenció domiciliària=ajuda a domicili",
                "dependència",
                "salut",
                "salut mental",
            ],
            "es": [
                "personas mayores=gente mayor, mayores, ancianos",
                "niños=niñas, infancia",
                "canguro",
                "guardería",
                "ayuda a domicilio",
                "cuidados=cuidado",
                "salud",
            ],
            "en": [
                "elderly=older people, elderly care",
                "children=kids, childcare",
                "babysitter",
                "nursery",
                "home care",
                "care",
                "health",
            ],
        },
    ),
    (
        ["cures"],
        [],
        ["habitatge-mediacio-familiar"],
        {
            "ca": ["mediació=mediacio, mediació familiar", "conflictes=conflicte"],
            "es": ["mediación=mediación familiar"],
            "en": ["mediation=family mediation"],
        },
    ),
    (
        ["finances-etiques"],
        ["finances-etiques", "mutualitat"],
        [],
        {
            "ca": [
                "banca=banc, banca ètica",
                "préstec=préstecs, crèdit",
                "estalvi=estalviar",
                "assegurança=assegurances",
                "inversió=invertir",
                "finançament=finançar",
                "compte corrent",
                "microcrèdit",
            ],
            "es": [
                "banco=banca ética",
                "préstamo=préstamos, crédito",
                "ahorro=ahorrar",
                "seguro=seguros",
                "inversión=invertir",
                "financiación",
            ],
            "en": [
                "bank=banking, ethical bank",
                "loan=loans, credit",
                "savings=save money",
                "insurance",
                "investment=invest",
                "funding",
            ],
        },
    ),
    (
        ["finances-etiques"],
        ["moneda-social"],
        [],
        {"ca": ["moneda local"], "es": ["moneda local"], "en": ["local currency=community currency"]},
    ),
    (
        ["cultura"],
        [],
        [],
        {
            "ca": [
                "llibres=llibreria, llibre",
                "teatre",
                "música=concerts",
                "cinema",
                "ateneu=ateneus",
                "editorial",
                "art",
                "lleure=esplai",
            ],
            "es": ["libros=librería, libro", "teatro", "música=conciertos", "cine", "ocio"],
            "en": ["books=bookshop, book", "theatre=theater", "music=concerts", "cinema", "arts", "leisure"],
        },
    ),
    (
        ["economia-circular"],
        [],
        [],
        {
            "ca": [
                "reciclatge=reciclar",
                "reutilització=reutilitzar, segona mà",
                "reparació=reparar",
                "residus",
                "deixalleria",
                "mobles=moble",
                "informàtica=ordinadors",
            ],
            "es": [
                "reciclaje=reciclar",
                "segunda mano=reutilización",
                "reparación=reparar",
                "residuos",
                "muebles",
            ],
            "en": [
                "recycling=recycle",
                "second hand=reuse",
                "repair=repairs",
                "waste",
                "furniture",
                "computers",
            ],
        },
    ),
    (
        [],
        COOPERATIVES,
        [],
        {
            "ca": ["cooperativa=cooperatives"],
            "es": ["cooperativa"],
            "en": ["co-op=coop, cooperative, co-operative"],
        },
    ),
    (
        [],
        ["cooperativa-de-treball"],
        [],
        {"ca": ["cooperativa de treballadors"], "es": [], "en": ["worker co-op"]},
    ),
    (
        [],
        ["associacio"],
        [],
        {"ca": ["associació=associacions, entitat"], "es": ["asociación"], "en": ["association"]},
    ),
    (
        [],
        ["fundacio"],
        [],
        {"ca": ["fundació=fundacions"], "es": ["fundación"], "en": ["foundation=charity"]},
    ),
    ([], ["mutualitat"], [], {"ca": ["mutua=mútua"], "es": ["mutua"], "en": ["mutual"]}),
    (
        [],
        ["empresa-d-insercio", "centre-especial-de-treball"],
        [],
        {
            "ca": ["inserció laboral=feina, ocupació"],
            "es": ["inserción laboral=empleo, trabajo"],
            "en": ["jobs=employment, work integration"],
        },
    ),
    (
        [],
        ["iniciativa-comunitaria"],
        [],
        {
            "ca": ["procomú=comunitària, comunitari"],
            "es": ["procomún=comunitaria"],
            "en": ["commons=community"],
        },
    ),
]


def entries():
    """(text, language, synonyms, sector slugs, family slugs, tag slugs) of every seeded word."""
    for sectors, families, tags, by_language in GROUPS:
        for language, words in by_language.items():
            for word in words:
                text, _, synonyms = word.partition("=")
                yield text, language, synonyms, sectors, families, tags


def seed_need_words():
    """Create the missing words; words already there keep what staff made of them. Returns how many
    were created."""
    sectors = {s.slug: s for s in Sector.objects.all()}
    families = {f.slug: f for f in EssFamily.objects.all()}
    tags = {t.slug: t for t in LayerTag.objects.all()}
    existing = set(NeedWord.objects.values_list("key", "language"))
    created = 0
    for text, language, synonyms, sector_slugs, family_slugs, tag_slugs in entries():
        if (fold(text), language) in existing:
            continue
        word = NeedWord.objects.create(text=text, language=language, synonyms=synonyms)
        word.sectors.set([sectors[s] for s in sector_slugs if s in sectors])
        word.families.set([families[f] for f in family_slugs if f in families])
        word.tags.set([tags[t] for t in tag_slugs if t in tags])
        existing.add((word.key, language))
        created += 1
    return created
