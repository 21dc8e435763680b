"""Demo content of the site shell: locales, the home page and standard pages in ca/es/en, demo users.

Called by `manage.py seed_demo`. Every object is looked up by a stable key (slug, username, language)
before it is created, so running it again creates nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale, Page, Site

from .models import HomePage, StandardPage

HOME = {
    "ca": {
        "title": "Inici",
        "slug": "inici",
        "hero_title": "L'economia social i solidària de Barcelona, a prop teu",
        "hero_text": "Troba cooperatives, associacions, botigues i serveis de l'ESS al teu barri, "
        "i coneix les taules sectorials que la fan créixer.",
        "introduction": "<p>Aquest espai reuneix el <b>directori</b> d'iniciatives de l'ESS, el <b>mapa</b> "
        "dels deu districtes i les <b>taules sectorials</b>: agroecologia, consum conscient, habitatge, "
        "tèxtil, transició energètica, mobilitat, cures i finances ètiques.</p>",
        "body_heading": "Com funciona",
        "body_text": "<p>Les entitats de cada taula sectorial acorden un pla de treball per als propers deu "
        "anys i impulsen projectes tractors. Els districtes poden incrustar el mapa del seu territori al "
        "seu propi web.</p>",
    },
    "es": {
        "title": "Inicio",
        "slug": "inicio",
        "hero_title": "La economía social y solidaria de Barcelona, cerca de ti",
        "hero_text": "Encuentra cooperativas, asociaciones, tiendas y servicios de la ESS en tu barrio, "
        "y conoce las mesas sectoriales que la hacen crecer.",
        "introduction": "<p>Este espacio reúne el <b>directorio</b> de iniciativas de la ESS, el <b>mapa</b> "
        "de los diez distritos y las <b>mesas sectoriales</b>: agroecología, consumo consciente, vivienda, "
        "textil, transición energética, movilidad, cuidados y finanzas éticas.</p>",
        "body_heading": "Cómo funciona",
        "body_text": "<p>Las entidades de cada mesa sectorial acuerdan un plan de trabajo para los próximos "
        "diez años e impulsan proyectos tractores. Los distritos pueden insertar el mapa de su territorio "
        "en su propia web.</p>",
    },
    "en": {
        "title": "Home",
        "slug": "home",
        "hero_title": "Barcelona's social and solidarity economy, near you",
        "hero_text": "Find co-operatives, associations, shops and services of the social economy in your "
        "neighbourhood, and meet the sector tables that help it grow.",
        "introduction": "<p>This site brings together the <b>directory</b> of social and solidarity economy "
        "initiatives, the <b>map</b> of the ten districts and the <b>sector tables</b>: agroecology, "
        "conscious consumption, housing, textiles, energy transition, mobility, care and ethical "
        "finance.</p>",
        "body_heading": "How it works",
        "body_text": "<p>The organisations of each sector table agree a ten-year work plan and drive "
        "tractor projects. District offices can embed the map of their district in their own websites.</p>",
    },
}

STANDARD_PAGES = [
    {
        "ca": {
            "title": "Sobre el projecte",
            "slug": "sobre-el-projecte",
            "introduction": "Un projecte de ciutat de l'Estratègia de l'ESS de Barcelona (ESSBCN2030): "
            "taules i projectes d'intercooperació sectorial.",
        },
        "es": {
            "title": "Sobre el proyecto",
            "slug": "sobre-el-proyecto",
            "introduction": "Un proyecto de ciudad de la Estrategia de la ESS de Barcelona (ESSBCN2030): "
            "mesas y proyectos de intercooperación sectorial.",
        },
        "en": {
            "title": "About the project",
            "slug": "about",
            "introduction": "A city project of Barcelona's social and solidarity economy strategy "
            "(ESSBCN2030): sector intercooperation tables and projects.",
        },
    },
    {
        "ca": {
            "title": "Accessibilitat",
            "slug": "accessibilitat",
            "introduction": "Volem que tothom pugui fer servir aquest web, amb teclat, lector de pantalla "
            "o mòbil. Si hi trobes una barrera, explica-nos-ho.",
        },
        "es": {
            "title": "Accesibilidad",
            "slug": "accesibilidad",
            "introduction": "Queremos que todo el mundo pueda usar esta web, con teclado, lector de "
            "pantalla o móvil. Si encuentras una barrera, cuéntanoslo.",
        },
        "en": {
            "title": "Accessibility",
            "slug": "accessibility",
            "introduction": "We want everyone to be able to use this site, with a keyboard, a screen "
            "reader or a phone. If you meet a barrier, please tell us.",
        },
    },
]

# username: (superuser?, Wagtail group or None, first name)
DEMO_USERS = {
    "admin": (True, None, "Administració"),
    "moderador": (False, "Moderators", "Moderació"),
}


def run(command):
    pages_before = Page.objects.count()
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES}
    home = _home_page(locales)
    for translations in STANDARD_PAGES:
        _translated_child(home, translations, locales)
    _demo_users()
    command.stdout.write(
        f"core: home page and {len(STANDARD_PAGES)} standard pages in {len(locales)} languages "
        f"({Page.objects.count() - pages_before} new pages); demo users: {', '.join(DEMO_USERS)}"
    )


def _home_page(locales):
    """The Catalan home page becomes the default site's root; es/en are its translations."""
    source = HOME[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=locales[settings.LANGUAGE_CODE], slug=source["slug"]).first()
    if home is None:
        home = Page.get_first_root_node().add_child(instance=_home_fields(HomePage(), source))
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80)
    if site.root_page_id != home.id:
        previous_root = site.root_page if site.pk else None
        site.root_page, site.site_name, site.is_default_site = home, "ESS Barcelona", True
        site.save()
        if previous_root is not None and type(previous_root.specific) is Page:
            previous_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" placeholder
    for code, locale in locales.items():
        if code != settings.LANGUAGE_CODE and not home.has_translation(locale):
            translated = _home_fields(home.copy_for_translation(locale), HOME[code])
            translated.save_revision().publish()
    return home


def _home_fields(page, content):
    page.title, page.slug = content["title"], content["slug"]
    page.hero_title, page.hero_text = content["hero_title"], content["hero_text"]
    page.introduction = content["introduction"]
    page.body = [
        ("heading", {"text": content["body_heading"], "level": "h2"}),
        ("paragraph", content["body_text"]),
    ]
    return page


def _translated_child(home, translations, locales):
    source = translations[settings.LANGUAGE_CODE]
    page = StandardPage.objects.child_of(home).filter(slug=source["slug"]).first()
    if page is None:
        page = home.add_child(instance=StandardPage(**source))
        page.save_revision().publish()
    for code, locale in locales.items():
        if code != settings.LANGUAGE_CODE and not page.has_translation(locale):
            translated = page.copy_for_translation(locale)
            for field, value in translations[code].items():
                setattr(translated, field, value)
            translated.save_revision().publish()


def _demo_users():
    User = get_user_model()
    for username, (is_superuser, group_name, first_name) in DEMO_USERS.items():
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.org", "first_name": first_name},
        )
        user.is_superuser = user.is_staff = is_superuser
        user.set_password(settings.DEMO_PASSWORD)
        user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
