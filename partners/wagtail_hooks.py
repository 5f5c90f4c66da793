"""The partner area of the Wagtail admin: agencies, memberships, the taxonomy, CSV, verification.

- Agencies: authors and communications leads see and edit their own agency only; the
  coordinator sees, adds and deletes all (AgencyPermissionPolicy, registered for Agency in
  PartnersConfig.ready() and checked per object in partners.admin_views).
- Services, populations, languages and memberships: the coordinator only (model permissions
  held by the Coordinators group; see partners.roles).
- An agency chooser that shows public fields only, for other apps' forms.
- CSV import/export, the "entries to re-verify" report and a dashboard panel: coordinator only.
"""

from django import forms
from django.conf.locale import LANG_INFO
from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.log_actions import LogFormatter

from home.admin_columns import translated, yes_no
from home.fields import translated_lookups

from . import (
    admin_views,
    dashboard,
    user_admin,  # noqa: F401 - registers the narrowed bulk actions on user accounts
)
from .access import CoordinatorMenuItem, pages_visible_in_chooser
from .forms import AgencyAdminForm
from .models import Agency, Language, Membership, Population, Service


@hooks.register("register_log_actions")
def register_partner_log_actions(actions):
    actions.register_action("partners.agency.imported", _("Import from CSV"), _("Imported from a CSV file"))

    @actions.register_action("partners.lead_granted")
    class LeadGranted(LogFormatter):
        label = _("Make a communications lead")

        def format_message(self, log_entry):
            return _("%(user)s made a communications lead of %(agency)s") % {
                "user": log_entry.data.get("user", {}).get("name", "?"),
                "agency": log_entry.data.get("agency", {}).get("name", "?"),
            }

    @actions.register_action("partners.lead_moved")
    class LeadMoved(LogFormatter):
        label = _("Move a communications lead to another agency")

        def format_message(self, log_entry):
            return _("%(user)s moved as communications lead from %(previous)s to %(agency)s") % {
                "user": log_entry.data.get("user", {}).get("name", "?"),
                "previous": (log_entry.data.get("previous_agency") or {}).get("name", "?"),
                "agency": log_entry.data.get("agency", {}).get("name", "?"),
            }


# --- Page chooser: no titles of unpublished pages for people who may not edit them ---------------


@hooks.register("construct_page_chooser_queryset")
def hide_unpublished_pages_from_chooser(pages, request):
    """Wagtail's page chooser (browse and search) lists live pages, and drafts the user may edit.

    Browsing into a page's children shows that page's title too: refuse an unpublished one.
    """
    from wagtail.models import Page

    parent_id = (getattr(request, "resolver_match", None) and request.resolver_match.kwargs or {}).get(
        "parent_page_id"
    )
    if parent_id and not pages_visible_in_chooser(Page.objects.filter(pk=parent_id), request.user).exists():
        raise Http404
    return pages_visible_in_chooser(pages, request.user)


# --- Agencies ----------------------------------------------------------------------------------


class AgencyViewSet(ModelViewSet):
    model = Agency
    name = "agencies"
    url_prefix = "partners/agencies"
    icon = "group"
    menu_label = _("Agencies")
    menu_order = 100
    list_display = [
        "name",
        "agency_type",
        translated(Agency, "service_area"),
        "last_verified_on",
        yes_no(Agency, "is_active"),
    ]
    list_filter = ["agency_type", "is_active"]
    search_fields = ["name", "short_name", *translated_lookups("service_area")]  # in every language
    search_backend_name = None  # plain database lookups: agencies are not in the search index
    copy_view_enabled = False
    inspect_view_enabled = False

    index_view_class = admin_views.AgencyIndexView
    edit_view_class = admin_views.AgencyEditView
    delete_view_class = admin_views.AgencyDeleteView
    history_view_class = admin_views.AgencyHistoryView
    usage_view_class = admin_views.AgencyUsageView

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("name"),
                            FieldPanel("short_name"),
                            FieldPanel("slug"),
                            FieldPanel("agency_type"),
                            FieldPanel("service_area"),
                        ],
                        heading=_("Who the agency is"),
                    ),
                    FieldPanel("description"),
                    MultiFieldPanel(
                        [
                            FieldPanel("public_phone"),
                            FieldPanel("public_email"),
                            FieldPanel("website"),
                            FieldPanel("open_24_7"),
                            FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                        ],
                        heading=_("Public contact"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("logo"), FieldPanel("logo_alt_text")],
                        heading=_("Logo"),
                    ),
                ],
                heading=_("Public entry"),
            ),
            ObjectList([FieldPanel("capability_grid")], heading=_("Services offered")),
            ObjectList(
                [
                    FieldPanel("contact_name"),
                    FieldPanel("contact_title"),
                    FieldPanel("contact_phone"),
                    FieldPanel("contact_email"),
                    FieldPanel("after_hours_contact"),
                    FieldPanel("referral_instructions"),
                    FieldPanel("capacity_notes"),
                ],
                heading=_("Partner-only contact"),
                help_text=_("Seen only by signed-in staff of partner agencies; never shown to the public."),
            ),
            ObjectList(
                [
                    FieldPanel("confirm_verified"),
                    # Authors and leads tick "I have checked this entry" (today's date); only the
                    # coordinator sets another date.
                    FieldPanel("last_verified_on", permission="partners.add_agency"),
                    # Only the coordinator takes an agency out of the directory.
                    FieldPanel("is_active", permission="partners.add_agency"),
                ],
                heading=_("Verification"),
            ),
        ],
        base_form_class=AgencyAdminForm,
    )


# --- Taxonomy, languages, memberships (coordinator) -------------------------------------------------


class ServiceViewSet(ModelViewSet):
    model = Service
    name = "services"
    url_prefix = "partners/services"
    icon = "list-ul"
    menu_label = _("Services")
    menu_order = 300
    form_fields = ["name", "slug", "sort_order"]
    list_display = ["__str__", "slug"]
    sort_order_field = "sort_order"
    copy_view_enabled = False


class PopulationViewSet(ServiceViewSet):
    model = Population
    name = "populations"
    url_prefix = "partners/populations"
    icon = "user"
    menu_label = _("Populations")
    menu_order = 310


class LanguageForm(WagtailAdminModelForm):
    class Meta:
        model = Language
        fields = ["code"]

    def clean_code(self):
        code = self.cleaned_data["code"].strip().lower()
        if code not in LANG_INFO:
            raise forms.ValidationError(
                _("Use a language code Django knows, such as en, es, fr, vi or zh-hans.")
            )
        return code


class LanguageViewSet(ModelViewSet):
    model = Language
    name = "languages"
    url_prefix = "partners/languages"
    icon = "globe"
    menu_label = _("Languages")
    menu_order = 320
    list_display = ["__str__", "code"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return LanguageForm


ROLE_FIELDS = ["is_author", "is_communications_lead", "is_training_host", "is_coordinator"]


class MembershipViewSet(ModelViewSet):
    model = Membership
    name = "memberships"
    url_prefix = "partners/memberships"
    icon = "key"
    menu_label = _("Memberships")
    menu_order = 200
    form_fields = ["user", "agency", *ROLE_FIELDS]
    list_display = ["user", "agency", *(yes_no(Membership, field) for field in ROLE_FIELDS)]
    list_filter = ["agency", *ROLE_FIELDS]
    copy_view_enabled = False


class PartnersViewSetGroup(ModelViewSetGroup):
    menu_label = _("Partners")
    menu_icon = "group"
    menu_order = 250
    items = (AgencyViewSet, MembershipViewSet, ServiceViewSet, PopulationViewSet, LanguageViewSet)


@hooks.register("register_admin_viewset")
def register_partner_viewsets():
    return PartnersViewSetGroup()


# --- Agency chooser -------------------------------------------------------------------------------


class AgencyChooserViewSet(ChooserViewSet):
    """Chooses an agency in other apps' admin forms; it shows public fields only."""

    model = Agency
    icon = "group"
    choose_one_text = _("Choose an agency")
    choose_another_text = _("Choose another agency")
    edit_item_text = _("Edit this agency")
    choose_view_class = admin_views.AgencyChooseView
    choose_results_view_class = admin_views.AgencyChooseResultsView


agency_chooser_viewset = AgencyChooserViewSet("agency_chooser", url_prefix="partners/agency-chooser")
AgencyChooserWidget = agency_chooser_viewset.widget_class


@hooks.register("register_admin_viewset")
def register_agency_chooser():
    return agency_chooser_viewset


# --- CSV import/export, verification report (coordinator) -------------------------------------------


@hooks.register("register_admin_urls")
def register_partner_admin_urls():
    csv_urls = [
        path("import/", admin_views.ImportAgenciesView.as_view(), name="import"),
        path("export/", admin_views.export_agencies, name="export"),
    ]
    verification_urls = [
        path("", admin_views.AgenciesToVerifyView.as_view(), name="index"),
        path("results/", admin_views.AgenciesToVerifyView.as_view(results_only=True), name="results"),
    ]
    return [
        path("partners/agencies-csv/", include((csv_urls, "partners_csv"))),
        path("reports/agencies-to-verify/", include((verification_urls, "partners_verification"))),
    ]


@hooks.register("register_reports_menu_item")
def register_verification_report_menu_item():
    return CoordinatorMenuItem(
        _("Agency entries to re-verify"),
        reverse("partners_verification:index"),
        name="agencies-to-verify",
        icon_name="warning",
        order=650,
    )


@hooks.register("construct_homepage_panels")
def add_partner_panels(request, panels):
    """A host's trainings and the coordinator's entries to re-verify (partners/dashboard.py)."""
    panels.extend(dashboard.panels_for(request))
