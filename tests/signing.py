"""Publish pages in tests the only way the site allows: a complete, real sign-off round.

Nothing here marks a page live by hand. publish_signed() submits the page's latest revision and has
a communications lead of every agency the round requires sign it off, through messaging.services.
"""

from wagtail.models import Page

SIGNING_AGENCY_SLUG = "test-signing-agency"


def _signing_agency():
    """An agency that signs the site's own pages in tests, then steps aside (inactive).

    Inactive, it is required by no later round and listed nowhere public, so tests that count
    or list agencies see only their own.
    """
    from partners.models import Agency
    from tests.partners.factories import AgencyFactory

    agency = Agency.objects.filter(slug=SIGNING_AGENCY_SLUG).first()
    if agency is None:
        agency = AgencyFactory(name="Test signing agency", short_name="TSA", slug=SIGNING_AGENCY_SLUG)
    elif not agency.is_active:
        agency.is_active = True
        agency.save()
    return agency


def _lead_of(agency):
    from partners.models import Membership
    from tests.partners.factories import partner

    membership = (
        Membership.objects.filter(agency=agency, is_communications_lead=True, user__is_active=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else partner(agency, "communications_lead")


def _submitter():
    from tests.partners.factories import UserFactory

    user = UserFactory(username="test-submitter")
    if not user.is_superuser:
        user.is_superuser = True
        user.is_staff = True
        user.save()
    return user


def publish_signed(page, user=None):
    """Publish `page`'s latest revision (one is made if it has none) after a complete sign-off.

    Site pages are signed by the test signing agency alone (through the real site-page setting,
    restored afterwards); messages by a lead of every active agency. Returns the page, reloaded.
    """
    from messaging import services
    from messaging.gate import SignOffRequiredMixin
    from messaging.models import SignOffSettings
    from messaging.scope import signoff_required_agencies

    page = Page.objects.get(pk=page.pk).specific
    services.ensure_signoff_workflow()
    user = user or _submitter()
    if page.get_latest_revision() is None:
        page.save_revision(user=user)
    settings = SignOffSettings.load()
    site_scope = page.signoff_scope == SignOffRequiredMixin.SCOPE_SITE
    previous = list(settings.site_page_agencies.all()) if site_scope else None
    signing_agency = None
    if site_scope or not signoff_required_agencies(page):
        signing_agency = _signing_agency()
        if site_scope:
            settings.site_page_agencies.set([signing_agency])
    try:
        services.submit_for_signoff(page, user)
        state = services.current_round(page)
        for agency in state.required_agencies.all():
            services.sign_off(services.current_round(page), _lead_of(agency))
    finally:
        if site_scope:
            settings.site_page_agencies.set(previous)
        if signing_agency is not None:
            signing_agency.is_active = False
            signing_agency.save()
    page = type(page).objects.get(pk=page.pk)
    assert page.live, f"{page} was not published by its sign-off round"
    return page


def publish_drafts():
    """Publish, each through its own real round, every page under sign-off whose latest words were
    never put to the agencies (the demo's drafts). Pages in review keep their state."""
    from messaging.demo import awaiting_first_round
    from messaging.gate import SignOffRequiredMixin

    for page in Page.objects.type(SignOffRequiredMixin).order_by("path").specific():
        if awaiting_first_round(page):
            publish_signed(page)
