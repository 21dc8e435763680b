"""Refuse control characters in the request's address before any view reads it.

PostgreSQL cannot store or compare a NUL byte: a `%00` in any query parameter or path segment that
reaches a query raises an error deep inside the ORM (a 500), on every URL that filters by a parameter.
Rather than guard each view, this middleware answers such requests with a 400 in ONE place, before
the views, the cache or the static files see them. The rule:

- path segments: no control character at all (Unicode category Cc: C0, DEL and C1); no page, slug
  or file name holds one;
- query parameter names and values: no control character except tab, line feed and carriage
  return, which a pasted text may legitimately carry and every database stores;
- form fields POSTed as `application/x-www-form-urlencoded` or `multipart/form-data` (not uploaded
  files): no NUL, the one character the database refuses. Other control characters in text areas
  are left to each form's own validation (Django's CharField already refuses NUL with a message);
- JSON bodies (`application/json` or `…+json`, any method): no NUL, neither the raw byte nor the
  `\u0000` escape (which json.loads turns into one); an escaped backslash before it (`\\u0000`) is
  text, not a NUL.

The answer is plain text in the request's language, or JSON (`{"detail": ...}`, the API's error
shape) under /api/ and to a JSON body.
"""

import logging
import re
import traceback

from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# Every Cc character; and the same without tab, line feed and carriage return.
ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
NUL = re.compile("\x00")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# A NUL byte, or a \u0000 escape not preceded by an odd number of backslashes (after a pair of
# backslashes, "\\u0000" is an escaped backslash and the text u0000). Matched on the raw body: parsing it here could fail on what the view
# itself would refuse with its own message (bad syntax, nesting too deep).
NUL_IN_JSON = re.compile(rb"\x00|(?<!\\)(?:\\\\)*\\u0000")


def is_json(request):
    return request.content_type == "application/json" or request.content_type.endswith("+json")


def _has(pattern, query_dict):
    return any(
        pattern.search(key) or any(pattern.search(value) for value in values)
        for key, values in query_dict.lists()
    )


def refusal(request):
    """The reason this request cannot be served, or None when its address and fields are clean."""
    if ANY_CONTROL.search(request.path_info):
        return _("The address contains a control character, which no page of this site has.")
    if _has(CONTROL_IN_TEXT, request.GET):
        return _("A parameter of the address contains a control character: remove it and try again.")
    if request.method == "POST" and request.content_type in FORM_TYPES and _has(NUL, request.POST):
        return _("A field of the form contains a NUL character: remove it and try again.")
    # Any body that is not a form, whatever its declared type: views such as Wagtail's dismissibles
    # parse JSON from a body sent as text/plain too.
    if (
        request.method in BODY_METHODS
        and request.content_type not in FORM_TYPES
        and NUL_IN_JSON.search(request.body)
    ):
        return _("The data sent contains a NUL character: remove it and try again.")
    return None


class ControlCharacterMiddleware:
    """Answers 400 to a request whose path, query parameters or form fields hold control characters
    (see the module's docstring for which). Goes near the top of MIDDLEWARE, right after
    SecurityMiddleware, so no other middleware (static files, sessions, caches) sees such a request;
    it is before the locale middleware, so it picks the language itself from the path, the language
    cookie or Accept-Language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reason = refusal(request)
        if reason is None:
            return self.get_response(request)
        language = translation.get_language_from_request(request, check_path=True)
        with translation.override(language):
            message = str(reason)
        if request.path_info.startswith("/api/") or is_json(request):
            return JsonResponse({"detail": message}, status=400)
        response = HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        response["Content-Language"] = language
        return response


class AdminFormDataMiddleware:
    """Answers 400 when an admin form's POST is malformed at the level of its fields' structure.

    Forms and formsets trust the structure a browser posts: Wagtail's StreamField and ListBlock read
    their item counts with `int(data["body-count"])`, and an inline panel's formset (modelcluster's
    `_construct_form`, as Django's own) reads `contacts-0-id` for each of its INITIAL_FORMS and converts
    it with the primary key's `to_python`. A missing or non-numeric count, an id that is missing or not
    a number (a hand-made or truncated POST) raises KeyError, ValueError or ValidationError while the
    form is being built, before any validation could report it.

    Wagtail's inline panel, re-rendering a form with errors, sorts its rows by their submitted ORDER,
    which a row marked deleted may lack (Django does not validate deleted rows): KeyError 'ORDER'.

    The exceptions of a POST under /admin/ raised in one of PARSING_FRAMES (the functions that read
    submitted data into widgets' values, formsets' forms and that sort, by qualified name, nothing
    else) or at most MAX_DEPTH calls below it are turned into a 400 with a message, in this one place,
    and logged as a warning; any other error stays a 500 that is logged and fixed."""

    PARSING_ERRORS = (KeyError, ValueError, IndexError, TypeError, ValidationError)
    PARSING_FRAMES = (
        ".value_from_datadict",
        "._construct_form",
        "InlinePanel.BoundPanel.__init__.<locals>.<lambda>",
    )

    MAX_DEPTH = 2

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if (
            request.method != "POST"
            or not request.path_info.startswith("/admin/")
            or not isinstance(exception, self.PARSING_ERRORS)
        ):
            return None
        frames = [frame.f_code.co_qualname for frame, _line in traceback.walk_tb(exception.__traceback__)]
        parsing = [i for i, name in enumerate(frames) if name.endswith(self.PARSING_FRAMES)]
        # Raised by the reading function itself or by what it calls for the value (a dict lookup, a
        # field's to_python): a fault deeper down (a widget's or a queryset's own code) is a bug.
        if not parsing or len(frames) - 1 - parsing[-1] > self.MAX_DEPTH:
            return None
        logger.warning(
            "Malformed admin form data (%s: %s) in %s", type(exception).__name__, exception, frames[-1]
        )
        message = _(
            "The form arrived incomplete or malformed, so nothing was saved. Reload the page and try again."
        )
        return HttpResponse(str(message), status=400, content_type="text/plain; charset=utf-8")
