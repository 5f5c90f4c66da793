"""The partner area's panels on the admin dashboard, where everyone lands after signing in.

- a training host: their trainings. Trainings are not on the site yet: the panel says so in a
  plain sentence (the role is real; nothing is refused);
- the coordinator: the directory entries to re-verify (partners.services).
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from . import services
from .people import host_agency_for, is_coordinator

VERIFICATION_ROWS = 5


class RolePanel(Component):
    """A dashboard panel for the people a role's `is_for(user)` accepts, built for one request.

    wagtail_hooks adds every panel whose is_for() holds, so a person with several roles sees each.
    """

    def __init__(self, request=None):
        self.request = request

    @staticmethod
    def is_for(user):
        raise NotImplementedError


class HostPanel(RolePanel):
    name = "host_trainings"
    template_name = "partners/admin/host_panel.html"
    order = 55

    @staticmethod
    def is_for(user):
        return host_agency_for(user) is not None

    def get_context_data(self, parent_context=None):
        return {"agency": host_agency_for(self.request.user)}


class VerificationPanel(RolePanel):
    """The coordinator's: the agency entries nobody has confirmed in 12 months, oldest first."""

    name = "partners-verification"
    template_name = "partners/admin/verification_panel.html"
    order = 150

    @staticmethod
    def is_for(user):
        return is_coordinator(user)

    def get_context_data(self, parent_context=None):
        due = services.agencies_due_for_verification()
        return {
            "due_count": due.count(),
            "agencies": list(due[:VERIFICATION_ROWS]),
            "report_url": reverse("partners_verification:index"),
        }


PANELS = (HostPanel, VerificationPanel)


def panels_for(request):
    """The partner-area panels of every role the signed-in person holds."""
    return [panel(request) for panel in PANELS if panel.is_for(request.user)]
