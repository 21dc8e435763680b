"""Django's and Wagtail's own messages that this project translates again, in its own catalogue.

The project speaks to people with "tu" in Catalan and Spanish, and ends its messages with a full stop.
Django's and Wagtail's catalogues mix registers ("Introduïu una URL vàlida", "Introduzca una URL
válida") and carry a few wrong Catalan strings (the sign-in button reading "Registra't", "Aprovari
Publica"). The project's catalogue (LOCALE_PATHS) wins over theirs, so it holds these msgids with the
project's wording: the public sees them under the proposal form's fields, on Django's page for a form
sent without its CSRF cookie and on a password-protected page; editors on the admin's login page and
in its moderation buttons.

`make messages` runs makemessages with --no-obsolete, which drops every msgid that no code of the
project contains: listing them here, marked and never called, keeps them in the catalogue.
tests/core/test_voice.py checks that each one is still translated in Catalan and Spanish.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

# Field errors of the public forms (django.forms, django.core.validators).
FORM_ERRORS = (
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid value."),
    gettext_noop("Enter a list of values."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("“%(pk)s” is not a valid value."),
    # the initiatives' own forms (their space: agreements, mentoring, the entry, a new account)
    gettext_noop("Enter a number."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("This password is too common."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
)

# Lazy and never evaluated: the plural's two msgids for makemessages (Django has no ngettext_noop).
TOO_LONG = ngettext_lazy(
    "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
    "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
)
# The initiative accounts' password validation (django.contrib.auth.password_validation): Django's
# Catalan catalogue still has the older msgid, so this one showed in English.
PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
)

# Django's page when a form comes without its CSRF cookie or Referer header (django.views.csrf).
CSRF_FAILURE = (
    gettext_noop(
        "You are seeing this message because this HTTPS site requires a "
        "“Referer header” to be sent by your web browser, but none was "
        "sent. This header is required for security reasons, to ensure "
        "that your browser is not being hijacked by third parties."
    ),
    gettext_noop(
        "If you have configured your browser to disable “Referer” headers, "
        "please re-enable them, at least for this site, or for HTTPS "
        "connections, or for “same-origin” requests."
    ),
    gettext_noop(
        'If you are using the <meta name="referrer" '
        'content="no-referrer"> tag or including the “Referrer-Policy: '
        "no-referrer” header, please remove them. The CSRF protection "
        "requires the “Referer” header to do strict referer checking. If "
        "you’re concerned about privacy, use alternatives like "
        '<a rel="noreferrer" …> for links to third-party sites.'
    ),
    gettext_noop(
        "If you have configured your browser to disable cookies, please "
        "re-enable them, at least for this site, or for “same-origin” "
        "requests."
    ),
)

# A page that editors protect with a password (wagtail: wagtailcore/password_required.html).
PAGE_PASSWORD = (
    gettext_noop("Password required"),
    gettext_noop("You need a password to access this page."),
    gettext_noop("The password you have entered is not correct. Please try again."),
    gettext_noop("Continue"),
)

# The admin's login page (wagtail.admin; the password's label is core.forms.LoginForm's).
LOGIN = (
    gettext_noop("Sign in"),
    gettext_noop("Sign in to Wagtail"),
    gettext_noop("Enter password"),
    gettext_noop("Enter your %(username_field_name)s"),
    gettext_noop("Forgotten password?"),
    gettext_noop("Your %(username_field)s and password didn't match. Please try again."),
)

# The admin's moderation and creation titles (wagtail, wagtail.admin): "Approve" + " and Publish"
# read "Aprovari Publica"; "New" + a feminine model's name read "Nou: Notícies de taula sectorial".
ADMIN = (
    gettext_noop("Approve"),
    gettext_noop("Approve with comment"),
    gettext_noop("%(label)s and Publish"),
    gettext_noop("New"),
    gettext_noop("New: %(model_name)s"),
)

# The admin's workflow buttons and menus, and the moderation e-mails members and moderators get
# (wagtail.admin, wagtail.snippets, wagtail): upstream's Catalan mixes infinitives with "tu" and
# "vós" ("Cancel·lar fluxe de treball", "Podeu editar…", "Editeu les preferències…") and misspells
# "flux" ("fluxe").
WORKFLOW = (
    gettext_noop("Cancel workflow "),
    gettext_noop("Restart workflow "),
    gettext_noop("Request changes"),
    gettext_noop("Unpublish"),
    gettext_noop("Workflows"),
    gettext_noop("Workflow tasks"),
    gettext_noop("Workflow history"),
    gettext_noop("Workflow progress"),
    gettext_noop("Edit your notification preferences here:"),
    gettext_noop("You can edit the %(model_name)s here:"),
    gettext_noop("You can preview the %(model_name)s here:"),
    gettext_noop('The page "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    gettext_noop('The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'
    ),
    gettext_noop('The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'
    ),
    gettext_noop('The page "%(title)s" has been submitted to workflow "%(workflow)s"'),
    gettext_noop('The %(model_name)s "%(title)s" has been submitted to workflow "%(workflow)s"'),
    gettext_noop(
        'JavaScript is required to use Wagtail, but it is currently disabled.<br /> Here are the <a href="https://www.enable-javascript.com/" target="_blank" rel="noreferrer">instructions how to enable JavaScript in your web browser</a>.'
    ),
)
