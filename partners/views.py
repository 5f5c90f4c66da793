"""Public and partner-only views of the directory. Thin: the rules are in partners.services.

DirectoryPage's sub-routes call these functions with the page (so URLs are /en/partners/...,
/es/socios/... and the language switcher keeps the sub-route).

Privacy rules applied here:
- partner-only fields are put in the context only when access.is_partner(user);
- partner-only routes send anonymous visitors to the login page, and refuse other signed-in
  users with 403; their responses, and any page showing partner-only data, are never cached
  (``Cache-Control: private, no-store``);
- every directory response varies on the cookie, so a shared cache never mixes the two.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.pdf import render_pdf

from . import services
from .access import agency_of, is_partner
from .forms import DirectoryFilterForm, MatrixFilterForm
from .models import Agency, DirectoryPage
from .people import works_in_admin
from .signin import PartnerLoginForm


def directory_for_language(language_code=None):
    """The live directory page of a language (else of the default language), or None."""
    pages = DirectoryPage.objects.live().select_related("locale")
    codes = [language_code or get_language(), settings.LANGUAGE_CODE]
    by_language = {page.locale.language_code: page for page in pages.filter(locale__language_code__in=codes)}
    for code in codes:
        if code in by_language:
            return by_language[code]
    return None


def _finish(response, *, private):
    patch_vary_headers(response, ("Cookie",))
    if private:
        add_never_cache_headers(response)  # max-age=0, no-cache, no-store, must-revalidate, private
    return response


def _partner_context(request):
    return {"is_partner": True, "partner_agency": agency_of(request.user)}


def _refuse(request, page):
    """Anonymous: to the login page, then back here. Signed in but not a partner: 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    response = render(request, "partners/not_a_partner.html", {"page": page}, status=403)
    return _finish(response, private=True)


def _without(request, name):
    """The current query string without one filter (and back to the first page)."""
    query = request.GET.copy()
    for key in (name, "page"):
        query.pop(key, None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else request.path


def directory(request, page):
    form = DirectoryFilterForm(request.GET or None)
    agencies = services.filter_agencies(**form.filters())
    results = services.directory_page(agencies, request.GET.get("page"))
    partner = is_partner(request.user)
    context = {
        "page": page,
        "form": form,
        "results": results,
        "active_filters": [
            {"label": label, "value": value, "remove_url": _without(request, name)}
            for name, label, value in form.active_filters()
        ],
        "is_partner": partner,
    }
    if partner:
        context.update(_partner_context(request))
    return _finish(page.render(request, context_overrides=context), private=partner)


def agency_detail(request, page, agency_slug):
    try:
        agency = services.with_public_details(Agency.objects.active().select_related("logo")).get(
            slug=agency_slug
        )
    except Agency.DoesNotExist:
        raise Http404(_("No such agency")) from None
    partner = is_partner(request.user)
    context = {"page": page, "agency": agency, "offers": agency.offers(), "is_partner": partner}
    if partner:
        context.update(_partner_context(request))
        context["contact"] = {name: getattr(agency, name) for name in Agency.PARTNER_ONLY_FIELDS}
    response = page.render(request, template="partners/agency_detail.html", context_overrides=context)
    return _finish(response, private=partner)


def _matrix_and_form(request):
    form = MatrixFilterForm(request.GET or None, jurisdictions=services.jurisdictions())
    return services.build_matrix(jurisdiction=form.chosen_jurisdiction()), form


def capability_matrix(request, page):
    if not is_partner(request.user):
        return _refuse(request, page)
    matrix, form = _matrix_and_form(request)
    context = {
        "page": page,
        "matrix": matrix,
        "form": form,
        "download_query": f"?{urlencode({'jurisdiction': matrix.jurisdiction.key})}"
        if matrix.jurisdiction
        else "",
        **_partner_context(request),
    }
    response = page.render(request, template="partners/capability_matrix.html", context_overrides=context)
    return _finish(response, private=True)


def _download_name(matrix, extension):
    name = f"capability-matrix-{get_language()}"
    if matrix.jurisdiction:
        name += f"-{slugify(matrix.jurisdiction.key)}"
    return f"{name}.{extension}"


def capability_matrix_csv(request, page):
    if not is_partner(request.user):
        return _refuse(request, page)
    matrix, _form = _matrix_and_form(request)
    # A byte-order mark so that spreadsheet programs read the accents as UTF-8.
    response = HttpResponse("\ufeff" + services.matrix_csv(matrix), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_download_name(matrix, "csv")}"'
    return _finish(response, private=True)


def capability_matrix_pdf(request, page):
    if not is_partner(request.user):
        return _refuse(request, page)
    matrix, _form = _matrix_and_form(request)
    pdf = render_pdf("partners/capability_matrix_pdf.html", {"matrix": matrix, "page": page}, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_download_name(matrix, "pdf")}"'
    return _finish(response, private=True)


# --- Partner sign-in (the public-styled one; the Wagtail admin keeps its own) ---------------------


class PartnerLoginView(auth_views.LoginView):
    template_name = "partners/login.html"
    form_class = PartnerLoginForm  # says so when django-axes locks the sign-in out
    redirect_authenticated_user = True

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # No autofocus: the keyboard starts at the quick exit, as on every public page.
        form.fields["username"].widget.attrs.pop("autofocus", None)
        return form

    def get_default_redirect_url(self):
        """Without `next`: where the person's work is. Authors, leads, hosts and the coordinator
        land on the admin dashboard (their panels); other partner staff on the directory."""
        if works_in_admin(self.request.user):
            return reverse("wagtailadmin_home")
        page = directory_for_language()
        return page.get_url(self.request) if page is not None else f"/{get_language()}/"


class PartnerLogoutView(auth_views.LogoutView):
    def get_default_redirect_url(self):
        return f"/{get_language()}/"
