"""Wagtail admin views for partners (registered in wagtail_hooks.py).

Wagtail's generic model views check the *model* permission ("may change agencies") but not
whether this user may change *this* agency. AgencyPermissionPolicy answers the second question;
the views below ask it for every object they load, and list only the agencies the user may
change. CSV import/export and the verification report are for the coordinator only.
"""

import datetime
import io
from functools import reduce
from operator import or_

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import Button

from home.admin_columns import translated
from home.fields import translated_lookups

from . import agency_csv, services
from .access import CoordinatorRequiredMixin, coordinator_required, is_coordinator
from .models import Agency

# --- Agencies: only the ones this user may change ----------------------------------------------


class OwnAgencyMixin:
    """Refuse (403, which the admin turns into a message) an agency the user may not change."""

    instance_permission = "change"

    def get_object(self, *args, **kwargs):
        agency = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.instance_permission, agency
        ):
            raise PermissionDenied
        return agency


class AgencyIndexView(generic.IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "change")

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if is_coordinator(self.request.user):
            buttons += [
                Button(label, url=reverse(url_name), icon_name=icon, priority=priority)
                for label, url_name, icon, priority in (
                    (_("Import from CSV"), "partners_csv:import", "upload", 40),
                    (_("Export as CSV"), "partners_csv:export", "download", 50),
                    (_("Entries to re-verify"), "partners_verification:index", "warning", 60),
                )
            ]
        return buttons


class AgencyEditView(OwnAgencyMixin, generic.EditView):
    pass


class AgencyDeleteView(OwnAgencyMixin, generic.DeleteView):
    """Deleting an agency that still has members would orphan their accounts: say so instead."""

    instance_permission = "delete"

    def dispatch(self, request, *args, **kwargs):
        members = self.object.memberships.count()
        if members:
            messages.error(
                request,
                ngettext(
                    "%(agency)s still has %(count)s member. Move or remove the membership first, "
                    "or untick “active” to hide the agency from the directory.",
                    "%(agency)s still has %(count)s members. Move or remove their memberships first, "
                    "or untick “active” to hide the agency from the directory.",
                    members,
                )
                % {"agency": self.object.name, "count": members},
            )
            return redirect("agencies:edit", self.object.pk)
        if self.object.signoffs.exists():
            # Sign-off records name the agency that signed: it stays, deactivated if need be.
            messages.error(
                request,
                _(
                    "%(agency)s has signed off published content, and those records must keep naming it. "
                    "Untick “active” to hide the agency from the directory instead."
                )
                % {"agency": self.object.name},
            )
            return redirect("agencies:edit", self.object.pk)
        return super().dispatch(request, *args, **kwargs)


class AgencyHistoryView(OwnAgencyMixin, HistoryView):
    pass


class AgencyUsageView(OwnAgencyMixin, UsageView):
    pass


# --- Agency chooser: public fields only -----------------------------------------------------------


class AgencyChooserFilterForm(BaseFilterForm):
    q = forms.CharField(label=gettext_lazy("Search term"), required=False)

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            lookups = ["name", "short_name", *translated_lookups("service_area")]  # in every language
            objects = objects.filter(reduce(or_, (Q(**{f"{name}__icontains": query}) for name in lookups)))
        return objects


class AgencyChooserMixin:
    """Shows name, type and service area: nothing partner-only, whoever opens the chooser."""

    filter_form_class = AgencyChooserFilterForm

    def get_object_list(self):
        return Agency.objects.only("pk", "name", "short_name", "agency_type", "service_area", "is_active")

    @property
    def columns(self):
        return [
            self.title_column,
            Column("agency_type", label=gettext_lazy("Type"), accessor="get_agency_type_display"),
            translated(Agency, "service_area", label=gettext_lazy("Service area")),
        ]


class AgencyChooseView(AgencyChooserMixin, chooser_views.ChooseView):
    pass


class AgencyChooseResultsView(AgencyChooserMixin, chooser_views.ChooseResultsView):
    pass


# --- Coordinator-only views ---------------------------------------------------------------------


class VerificationDueColumn(Column):
    def get_value(self, instance):
        if instance.last_verified_on is None:
            return _("Never")
        return instance.last_verified_on.isoformat()


class AgenciesToVerifyView(CoordinatorRequiredMixin, ReportView):
    """Active agencies whose entry nobody has confirmed in 12 months (a report, with CSV/XLSX export).

    The export is spreadsheet-safe like every Wagtail export (home.csv.protect_wagtail_exports).
    """

    page_title = gettext_lazy("Agency entries to re-verify")
    header_icon = "warning"
    index_url_name = "partners_verification:index"
    index_results_url_name = "partners_verification:results"
    results_template_name = "partners/admin/verification_results.html"
    paginate_by = 50
    list_export = [
        "name",
        "service_area_label",
        "last_verified_on",
        "contact_name",
        "contact_email",
        "contact_phone",
    ]
    export_headings = {
        "name": gettext_lazy("Agency"),
        "service_area_label": gettext_lazy("Service area"),
        "last_verified_on": gettext_lazy("Last verified on"),
        "contact_name": gettext_lazy("Point of contact"),
        "contact_email": gettext_lazy("Email"),
        "contact_phone": gettext_lazy("Phone"),
    }

    @property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=gettext_lazy("Agency"),
                get_url=lambda agency: reverse("agencies:edit", args=[agency.pk]),
            ),
            translated(Agency, "service_area", label=gettext_lazy("Service area")),
            VerificationDueColumn("last_verified_on", label=gettext_lazy("Last verified on")),
            Column("contact_name", label=gettext_lazy("Point of contact")),
            Column("contact_email", label=gettext_lazy("Email")),
        ]

    def get_queryset(self):
        return services.agencies_due_for_verification()

    def get_filename(self):
        return f"agencies-to-verify-{timezone.localdate().isoformat()}"


class ImportAgenciesForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy("UTF-8, with the columns of an export. At most 5 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class ImportAgenciesView(CoordinatorRequiredMixin, WagtailAdminTemplateMixin, FormView):
    form_class = ImportAgenciesForm
    template_name = "partners/admin/import_agencies.html"
    page_title = gettext_lazy("Import agencies from CSV")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("agencies:index"), "label": _("Agencies")},
            {"url": "", "label": self.page_title},
        ]

    def form_valid(self, form):
        try:
            result = agency_csv.import_agencies_csv(form.cleaned_data["file"], user=self.request.user)
        except agency_csv.AgencyImportError as error:
            messages.error(self.request, _("Nothing was imported: the file has problems, listed below."))
            return self.render_to_response(self.get_context_data(form=form, import_errors=error.errors))
        messages.success(self.request, agency_csv.describe_import(result))
        return redirect("agencies:index")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["export_url"] = reverse("partners_csv:export")
        return context


@coordinator_required
def export_agencies(request):
    """The agencies as CSV (coordinator only: it holds the partner-only contacts)."""
    public_only = request.GET.get("public_only") == "1"
    out = io.StringIO()
    out.write("\ufeff")  # byte-order mark: spreadsheet programs then read the accents as UTF-8
    agency_csv.export_agencies_csv(out, public_only=public_only)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    stamp = datetime.date.today().isoformat()
    suffix = "-public" if public_only else ""
    response["Content-Disposition"] = f'attachment; filename="agencies{suffix}-{stamp}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
