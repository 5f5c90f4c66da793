"""The partner directory: agencies, what they offer to whom, and who works for which agency.

An Agency is locale-independent (DESIGN.md, section 4): one row per agency, whatever language a
page is shown in, so that messages, sign-offs and trainings can all point at it. Its public words
(description, service area) and the taxonomy's labels are kept per language with TranslatedTextField.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from home.fields import TranslatedTextField, pick_translation, picked_language
from home.stemming import StemmedSearchMixin
from messaging.gate import SignOffRequiredMixin

VERIFICATION_PERIOD = datetime.timedelta(days=365)

# Sub-routes of the directory page that an agency's slug must not take (see DirectoryPage).
RESERVED_AGENCY_SLUGS = frozenset({"matrix"})


def validate_not_in_future(value):
    """A verification happened on or before today (in the site's time zone)."""
    if value and value > timezone.localdate():
        raise ValidationError(
            _("The date cannot be in the future: use today's date or an earlier one."), code="future_date"
        )


class AgencyType(models.TextChoices):
    LOCAL_LAW_ENFORCEMENT = "local_law_enforcement", _("Local law enforcement")
    STATE_LAW_ENFORCEMENT = "state_law_enforcement", _("State law enforcement")
    FEDERAL_LAW_ENFORCEMENT = "federal_law_enforcement", _("Federal law enforcement")
    PROSECUTOR = "prosecutor", _("Prosecutor")
    VICTIM_SERVICES = "victim_services", _("Victim service provider")
    LEGAL_SERVICES = "legal_services", _("Legal services")
    HEALTH_CARE = "health_care", _("Health care")
    CHILD_WELFARE = "child_welfare", _("Child welfare")
    LABOR = "labor", _("Labor")
    COMMUNITY_FAITH = "community_faith", _("Community or faith organisation")
    SURVIVOR_LED = "survivor_led", _("Survivor-led organisation")
    OTHER = "other", _("Other")


class TaxonomyTerm(models.Model):
    """A service or a population: a stable slug and a label in every site language."""

    slug = models.SlugField(_("short name for addresses"), max_length=60, unique=True)
    name = TranslatedTextField(_("name"), max_length=120)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return pick_translation(self.name) or self.slug

    @property
    def label(self):
        """The name in the active language."""
        return pick_translation(self.name) or self.slug

    @property
    def label_language(self):
        """The language `label` is in (another than the page's when it has no translation)."""
        return picked_language(self.name) or settings.LANGUAGE_CODE


class Service(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")


class Population(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("population")
        verbose_name_plural = _("populations")


class Language(models.Model):
    """A language in which an agency serves people (ISO 639-1 code, named by Django)."""

    code = models.CharField(_("language code"), max_length=10, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.label

    @property
    def label(self):
        try:
            info = get_language_info(self.code)
        except KeyError:
            return self.code
        return str(info["name_translated"])

    @property
    def native_name(self):
        try:
            return get_language_info(self.code)["name_local"]
        except KeyError:
            return self.code


class AgencyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def verification_due(self, today=None):
        """Active agencies whose entry has not been verified in the last 12 months."""
        today = today or timezone.localdate()
        return self.active().filter(
            models.Q(last_verified_on__isnull=True)
            | models.Q(last_verified_on__lt=today - VERIFICATION_PERIOD)
        )


class Agency(ClusterableModel):
    # --- Public ------------------------------------------------------------------------
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, help_text=_("For example: HPD, Legal Aid."))
    slug = models.SlugField(_("short name for addresses"), max_length=80, unique=True)
    agency_type = models.CharField(_("type of agency"), max_length=40, choices=AgencyType.choices)
    service_area = TranslatedTextField(
        _("jurisdiction or service area"), max_length=200, help_text=_("For example: Harbor County.")
    )
    website = models.URLField(_("website"), blank=True)
    public_phone = models.CharField(_("public phone"), max_length=40, blank=True)
    public_email = models.EmailField(_("public email"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt_text = models.CharField(
        _("logo alternative text"),
        max_length=200,
        blank=True,
        help_text=_("What the logo says or shows, for people who cannot see it."),
    )
    description = TranslatedTextField(_("public description"), multiline=True, blank=True)
    languages = ParentalManyToManyField(
        Language, verbose_name=_("languages in which it serves people"), blank=True, related_name="agencies"
    )
    open_24_7 = models.BooleanField(_("available 24 hours a day, 7 days a week"), default=False)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive agencies are hidden from the directory.")
    )
    last_verified_on = models.DateField(
        _("entry last verified on"),
        null=True,
        blank=True,
        help_text=_("The date someone at the agency last confirmed that this entry is correct."),
        validators=[validate_not_in_future],
    )

    # --- Partner-only: never shown to anonymous visitors, never in public feeds or search ---
    contact_name = models.CharField(_("human-trafficking point of contact"), max_length=200, blank=True)
    contact_title = models.CharField(_("point of contact's title"), max_length=200, blank=True)
    contact_phone = models.CharField(_("point of contact's phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("point of contact's email"), blank=True)
    after_hours_contact = models.TextField(_("after-hours contact"), blank=True)
    referral_instructions = models.TextField(_("how to make a referral"), blank=True)
    capacity_notes = models.TextField(
        _("capacity notes"), blank=True, help_text=_("For example: 2 emergency beds for single women.")
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AgencyQuerySet.as_manager()

    PARTNER_ONLY_FIELDS = (
        "contact_name",
        "contact_title",
        "contact_phone",
        "contact_email",
        "after_hours_contact",
        "referral_instructions",
        "capacity_notes",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.logo_id and not self.logo_alt_text.strip():
            raise ValidationError({"logo_alt_text": _("A logo needs alternative text.")})
        if self.slug in RESERVED_AGENCY_SLUGS:
            raise ValidationError(
                {
                    "slug": _("“%(slug)s” is used by the directory itself; choose another.")
                    % {"slug": self.slug}
                }
            )

    @property
    def service_area_label(self):
        """The service area in the active language (else the default language's)."""
        return pick_translation(self.service_area)

    @property
    def service_area_language(self):
        return picked_language(self.service_area)

    @property
    def service_area_key(self):
        """The service area in the default language: what the matrix's filter and the CSV's
        `service_area` column use, the same whatever the page's language."""
        return (self.service_area or {}).get(settings.LANGUAGE_CODE, "")

    @property
    def public_description(self):
        return pick_translation(self.description)

    @property
    def public_description_language(self):
        return picked_language(self.description)

    def offers(self):
        """What the agency offers to whom: [(service, [population, ...]), ...] in taxonomy order.

        Reads self.capabilities.all(), so it costs no query when the caller prefetched them
        (with their service and population selected), as the directory does.
        """
        grouped = {}
        for capability in self.capabilities.all():
            grouped.setdefault(capability.service, []).append(capability.population)
        return [
            (service, sorted(populations, key=_term_order))
            for service, populations in sorted(grouped.items(), key=lambda item: _term_order(item[0]))
        ]

    def populations_served(self):
        """Everyone the agency offers at least one service to, in taxonomy order (no query if prefetched)."""
        populations = {capability.population for capability in self.capabilities.all()}
        return sorted(populations, key=_term_order)

    def is_verification_due(self, today=None):
        today = today or timezone.localdate()
        return self.last_verified_on is None or self.last_verified_on < today - VERIFICATION_PERIOD


def _term_order(term):
    return (term.sort_order, term.slug)


class Capability(models.Model):
    """An agency offers a service to a population: one cell of the capability matrix."""

    agency = ParentalKey(Agency, on_delete=models.CASCADE, related_name="capabilities")
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="capabilities")
    population = models.ForeignKey(Population, on_delete=models.CASCADE, related_name="capabilities")

    class Meta:
        verbose_name = _("service offered")
        verbose_name_plural = _("services offered")
        constraints = [
            models.UniqueConstraint(fields=["agency", "service", "population"], name="unique_capability"),
        ]

    def __str__(self):
        return f"{self.agency}: {self.service} / {self.population}"


class Membership(models.Model):
    """Ties a user to their agency and roles. The groups and permissions follow (partners.roles)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership", verbose_name=_("user")
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="memberships",
        null=True,
        blank=True,
        verbose_name=_("agency"),
        help_text=_("Everyone belongs to one agency, except a coordinator who may belong to none."),
    )
    is_author = models.BooleanField(_("author"), default=False)
    is_communications_lead = models.BooleanField(_("communications lead"), default=False)
    is_training_host = models.BooleanField(_("training host"), default=False)
    is_coordinator = models.BooleanField(_("task-force coordinator"), default=False)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(agency__isnull=False) | models.Q(is_coordinator=True),
                name="membership_has_agency_unless_coordinator",
            ),
        ]

    def __str__(self):
        return f"{self.user.get_username()} ({self.agency or _('task force')})"

    def clean(self):
        super().clean()
        if self.agency_id is None and not self.is_coordinator:
            raise ValidationError({"agency": _("Choose the agency this person works for.")})

    @property
    def roles(self):
        return [
            role
            for role, held in (
                ("author", self.is_author),
                ("communications_lead", self.is_communications_lead),
                ("training_host", self.is_training_host),
                ("coordinator", self.is_coordinator),
            )
            if held
        ]


def _views():
    # partners.views imports this module (Agency, DirectoryPage): it is imported when a route runs.
    from . import views

    return views


class DirectoryPage(StemmedSearchMixin, SignOffRequiredMixin, RoutablePageMixin, Page):
    """The partner directory of one language: /en/partners/, /es/socios/ ...

    One page per locale (its translations share the agencies, which are locale-independent).
    Sub-routes, so that the language switcher finds the same view under the translation:

    - ``""``: the public directory, filtered by GET parameters;
    - ``matrix/``, ``matrix/csv/``, ``matrix/pdf/``: the capability matrix, partners only;
    - ``<agency slug>/``: an agency's public entry, plus its partner-only contacts for partners.

    The views live in partners.views; this class only routes to them. Its own words (title,
    introduction) go through the agency sign-off like every public page; the agencies' entries
    are kept by the agencies themselves (partners.access), as their own statements.
    """

    signoff_scope = SignOffRequiredMixin.SCOPE_SITE

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown above the filters: what the directory is and how to use it."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    # Only the page's own words are searchable: agencies are never in the site search.
    search_fields = Page.search_fields + [
        index.SearchField("search_stems"),
        index.SearchField("introduction"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner directory")

    @path("")
    def index_route(self, request):
        return _views().directory(request, self)

    @path("matrix/")
    def matrix(self, request):
        return _views().capability_matrix(request, self)

    @path("matrix/csv/")
    def matrix_csv(self, request):
        return _views().capability_matrix_csv(request, self)

    @path("matrix/pdf/")
    def matrix_pdf(self, request):
        return _views().capability_matrix_pdf(request, self)

    @path("<slug:agency_slug>/")
    def agency(self, request, agency_slug):
        return _views().agency_detail(request, self, agency_slug)
