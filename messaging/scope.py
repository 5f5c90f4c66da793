"""Which agencies a page's review round requires: decided by the page type, in code.

SignOffRequiredMixin.signoff_scope names the scope. Where a workflow is assigned in the page tree
plays no part, so a workflow set on the home page can never loosen what messages need.
"""

from partners.models import Agency

from .gate import SignOffRequiredMixin
from .models import SignOffSettings


def signoff_required_agencies(page):
    """The active agencies whose sign-off a new round on `page` requires (a list, by name)."""
    active = Agency.objects.active().order_by("name", "pk")
    if getattr(page.specific_class, "signoff_scope", None) == SignOffRequiredMixin.SCOPE_SITE:
        chosen = SignOffSettings.load().site_page_agencies.filter(is_active=True).order_by("name", "pk")
        if chosen.exists():
            return list(chosen)
    return list(active)
