"""Demo content of the site shell: locales, the home page and standard pages in ca/es/en, demo users.

Called by `manage.py seed_demo`. Every object is looked up by a stable key (slug, username, language)
before it is created, so running it again creates nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Locale, Page, Site

from .models import HomePage, StandardPage


def _body(heading, text):
    return [("heading", {"text": heading, "level": "h2"}), ("paragraph", text)]


HOME = {
    "ca": {
        "title": "Inici",
        "slug": "inici",
        "hero_title": "L'economia social i solidària de Barcelona, a prop teu",
        "hero_text": "Troba cooperatives, associacions, botigues i serveis de l'ESS al teu barri, "
        "i coneix les taules sectorials que la fan créixer.",
        "introduction": "<p>Aquest espai reuneix el <b>directori</b> d'iniciatives de l'ESS, el <b>mapa</b> "
        "dels deu districtes i les <b>taules sectorials</b>, que trobaràs aquí sota.</p>",
        "body": _body(
            "Com funciona",
            "<p>Les entitats de cada taula sectorial acorden un pla de treball per als propers deu "
            "anys i impulsen projectes tractors. Els districtes poden incrustar el mapa del seu territori al "
            "seu propi web.</p>",
        ),
    },
    "es": {
        "title": "Inicio",
        "slug": "inicio",
        "hero_title": "La economía social y solidaria de Barcelona, cerca de ti",
        "hero_text": "Encuentra cooperativas, asociaciones, tiendas y servicios de la ESS en tu barrio, "
        "y conoce las mesas sectoriales que la hacen crecer.",
        "introduction": "<p>Este espacio reúne el <b>directorio</b> de iniciativas de la ESS, el <b>mapa</b> "
        "de los diez distritos y las <b>mesas sectoriales</b>, que encontrarás aquí debajo.</p>",
        "body": _body(
            "Cómo funciona",
            "<p>Las entidades de cada mesa sectorial acuerdan un plan de trabajo para los próximos "
            "diez años e impulsan proyectos tractores. Los distritos pueden insertar el mapa de su territorio "
            "en su propia web.</p>",
        ),
    },
    "en": {
        "title": "Home",
        "slug": "home",
        "hero_title": "Barcelona's social and solidarity economy, near you",
        "hero_text": "Find co-operatives, associations, shops and services of the social economy in your "
        "neighbourhood, and meet the sector tables that help it grow.",
        "introduction": "<p>This site brings together the <b>directory</b> of social and solidarity economy "
        "initiatives, the <b>map</b> of the ten districts and the <b>sector tables</b>, listed "
        "below.</p>",
        "body": _body(
            "How it works",
            "<p>The organisations of each sector table agree a ten-year work plan and drive "
            "tractor projects. District offices can embed the map of their district in their own websites.</p>",
        ),
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
        page_in_every_language(home, StandardPage, translations, locales)
    _demo_users()
    new = Page.objects.count() - pages_before
    command.stdout.write(
        _(
            "core: home page and %(pages)s standard pages in %(languages)s languages (%(new)s); demo users: %(users)s"
        )
        % {
            "pages": len(STANDARD_PAGES),
            "languages": len(locales),
            "new": ngettext("%(count)s new page", "%(count)s new pages", new) % {"count": new},
            "users": ", ".join(DEMO_USERS),
        }
    )


def _home_page(locales):
    """The Catalan home page becomes the default site's root; es/en are its translations."""
    root = Page.get_first_root_node()
    for placeholder in root.get_children().exact_type(Page):
        placeholder.delete()  # Wagtail's "Welcome to your new Wagtail site!" (its slug "home" is ours)
    home = page_in_every_language(root, HomePage, HOME, locales)
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80)
    if site.root_page_id != home.id:
        site.root_page, site.site_name, site.is_default_site = home, "ESS Barcelona", True
        site.save()
    return home


def page_in_every_language(parent, model, translations, locales):
    """The Catalan page under `parent` (created if missing) and its published translations."""
    source = translations[settings.LANGUAGE_CODE]
    page = model.objects.child_of(parent).filter(slug=source["slug"]).first()
    if page is None:
        page = parent.add_child(instance=model(**source))
        page.save_revision().publish()
    for code, locale in locales.items():
        if code != settings.LANGUAGE_CODE and not page.has_translation(locale):
            translated = page.copy_for_translation(locale)
            for field, value in translations[code].items():
                setattr(translated, field, value)
            translated.save_revision().publish()
    return page


def _demo_users():
    for username, (is_superuser, group_name, first_name) in DEMO_USERS.items():
        group = Group.objects.get(name=group_name) if group_name else None
        demo_user(username, first_name, group, is_superuser=is_superuser)


def demo_user(username, first_name, group=None, is_superuser=False):
    """A demo account with DEMO_PASSWORD, in `group`; other apps' seeds add their roles with it."""
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@example.org",
            "first_name": first_name,
            "is_superuser": is_superuser,
            "is_staff": is_superuser,
        },
    )
    if created:  # a password changed since is the owner's: a rerun leaves it alone
        user.set_password(settings.DEMO_PASSWORD)
        user.save()
    if group:
        user.groups.add(group)
    return user
