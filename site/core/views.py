from django.views.generic import TemplateView

from .navigation import SECTIONS


class SectionLandingView(TemplateView):
    """The landing page of a main section whose content a later part of the project builds.

    The header links to every section from the first day; this tells the visitor, in their language,
    what the section holds, instead of answering the main navigation with a 404.
    """

    template_name = "core/section_landing.html"
    section = ""  # a url_name of a section in core.navigation.SECTIONS

    def get_context_data(self, **kwargs):
        section = next(s for s in SECTIONS if s.url_name == self.section)
        return super().get_context_data(title=section.label, summary=section.summary, **kwargs)
