"""The base form of pages with inline panels (page models import it: it imports no model)."""

from wagtail.admin.forms import WagtailAdminPageForm


class WholeListPageForm(WagtailAdminPageForm):
    """A page form whose inline panels (a project's updates, a table's contacts...) always hold the
    whole list: after saving, rows of the page that the submitted form does not list are deleted.

    Wagtail saves a page that was never published straight to its tables (`form.save(commit=True)`;
    a live page's edits only go to a revision), and modelcluster keeps rows the form does not name.
    When the answer to a save was lost (a 500 "database is locked", a dropped connection) and the
    same form was sent again, the rows the first save had created were not in it by id: they were
    created a second time, and an update's text appeared twice in the draft. The form is what the
    editor sees, so it is the list: a re-sent save now gives the same page as one save."""

    def save(self, commit=True):
        page = super().save(commit=commit)
        if commit:
            for name, formset in self.formsets.items():
                if name == "comments":  # every user's comments, not a list this editor holds
                    continue
                listed = [
                    form.instance.pk
                    for form in formset.forms
                    if form.instance.pk and not (formset.can_delete and formset._should_delete_form(form))
                ]
                formset.model.objects.filter(**{formset.fk.name: page}).exclude(pk__in=listed).delete()
        return page
