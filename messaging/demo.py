"""Demo content for messaging: the message index and three messages in English and Spanish.

One is published with every agency's sign-off, one is in review with some agencies signed, one
was sent back with a change request, so a new user can log in as a lead and act. It goes through
the real services (submit, sign off, request changes): nothing is marked live by hand. Idempotent.
Runs after partners.demo.seed, whose agencies, authors and leads it uses.
"""

from django.db import transaction
from wagtail.models import Locale, Page

from home.models import HomePage
from home.services import add_translation
from partners.models import Agency, Membership

from . import services
from .gate import SignOffRequiredMixin
from .models import MessageIndexPage, MessagePage, SignOffSettings, SignOffTaskState

INDEX = {
    "en": {
        "title": "Our message",
        "slug": "message",
        "introduction": "What every partner agency of the task force says, together, about human trafficking.",
    },
    "es": {
        "title": "Nuestro mensaje",
        "slug": "mensaje",
        "introduction": "Lo que dicen juntas todas las agencias asociadas del grupo de trabajo sobre la trata de personas.",
    },
}

MESSAGES = [
    {
        "state": "published",
        "en": {
            "title": "Anyone can be trafficked, and help is here",
            "slug": "anyone-can-be-trafficked",
            "summary": "Human trafficking happens in our county, to people of every age, gender and background. Help is free, confidential and available in your language.",
            "body": "<p>Human trafficking is the use of force, fraud or coercion to make someone work or sell sex. "
            "It is not always about crossing borders, and it does not always involve being locked up: many people are controlled "
            "through debts, threats to their family or the loss of their documents.</p>"
            "<p>Every agency of this task force, from police to shelters, agrees on one thing: the person who was "
            "trafficked is not to blame. You can ask for help without giving your name, and services do not depend on "
            "talking to the police.</p>",
        },
        "es": {
            "title": "Cualquier persona puede ser víctima de trata, y aquí hay ayuda",
            "slug": "cualquier-persona-puede-ser-victima",
            "summary": "La trata de personas ocurre en nuestro condado, a personas de todas las edades, géneros y orígenes. La ayuda es gratuita, confidencial y está disponible en su idioma.",
            "body": "<p>La trata de personas es el uso de la fuerza, el engaño o la coacción para obligar a alguien a "
            "trabajar o a vender sexo. No siempre implica cruzar fronteras ni estar encerrado: a muchas personas se las "
            "controla con deudas, amenazas a su familia o quitándoles sus documentos.</p>"
            "<p>Todas las agencias de este grupo de trabajo, desde la policía hasta los albergues, están de acuerdo en "
            "algo: la persona que sufrió la trata no tiene la culpa. Puede pedir ayuda sin dar su nombre, y los servicios "
            "no dependen de hablar con la policía.</p>",
        },
    },
    {
        "state": "in_review",
        "en": {
            "title": "Help does not depend on talking to the police",
            "slug": "help-does-not-depend-on-police",
            "summary": "Shelter, health care and legal help are offered according to need, whether or not a survivor takes part in a criminal case.",
            "body": "<p>Some survivors fear the police, or fear what a case could mean for their family or their "
            "immigration status. That fear must never stand between a person and safety.</p>"
            "<p>Victim service providers in the task force offer their services according to need. If you choose to "
            "speak with law enforcement later, an advocate can be with you.</p>",
        },
        "es": {
            "title": "La ayuda no depende de hablar con la policía",
            "slug": "la-ayuda-no-depende-de-la-policia",
            "summary": "El alojamiento, la atención médica y la ayuda legal se ofrecen según la necesidad, participe o no la sobreviviente en un proceso penal.",
            "body": "<p>Algunas sobrevivientes temen a la policía, o temen lo que un proceso podría significar para su "
            "familia o su situación migratoria. Ese miedo nunca debe interponerse entre una persona y su seguridad.</p>"
            "<p>Los proveedores de servicios del grupo de trabajo ofrecen sus servicios según la necesidad. Si más "
            "adelante decide hablar con las fuerzas del orden, una persona de apoyo puede acompañarle.</p>",
        },
    },
    {
        "state": "changes_requested",
        "en": {
            "title": "Report what you see, not what you assume",
            "slug": "report-what-you-see",
            "summary": "Signs of trafficking are about control, not about a person's nationality, job or appearance.",
            "body": "<p>Watch for signs of control: someone who cannot leave their job, does not hold their own "
            "documents, owes an impossible debt or is never allowed to speak for themselves.</p>",
        },
        "es": {
            "title": "Denuncie lo que ve, no lo que supone",
            "slug": "denuncie-lo-que-ve",
            "summary": "Las señales de trata tienen que ver con el control, no con la nacionalidad, el trabajo o el aspecto de una persona.",
            "body": "<p>Preste atención a las señales de control: alguien que no puede dejar su trabajo, no tiene sus "
            "propios documentos, debe una deuda imposible o nunca puede hablar por sí mismo.</p>",
        },
        "comment": {
            "en": "Please add the hotline number at the end, so readers know what to do next.",
            "es": "Por favor, añadan al final el número de la línea de ayuda, para que se sepa qué hacer.",
        },
    },
]


def _fields(content):
    return {
        "title": content["title"],
        "slug": content["slug"],
        "summary": content["summary"],
        "body": [{"type": "paragraph", "value": content["body"]}],
    }


def _ensure_index(home, locale, content, report):
    existing = MessageIndexPage.objects.child_of(home).filter(locale=locale).first()
    if existing is not None:
        return existing
    english_index = MessageIndexPage.objects.filter(locale__language_code="en").first()
    if locale.language_code != "en" and english_index is not None:
        index = add_translation(
            english_index,
            locale,
            publish=False,
            title=content["title"],
            slug=content["slug"],
            introduction=content["introduction"],
        )
    else:
        index = MessageIndexPage(show_in_menus=True, locale=locale, **content)
        home.add_child(instance=index)
        index.save_revision()  # published once signed off (sign_pages)
    report.note(f"{locale.language_code}: {index.title}")
    return index


def _cast():
    """Active agencies with a lead, and an author to submit: from the partners demo."""
    agencies = list(Agency.objects.active())
    leads = {}
    for membership in Membership.objects.filter(
        is_communications_lead=True, agency__in=agencies
    ).select_related("user", "agency"):
        leads.setdefault(membership.agency_id, membership.user)
    author = (
        Membership.objects.filter(is_author=True, agency__in=agencies)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return agencies, leads, (author.user if author else None)


def _take_through(page, state, author, agencies, leads, comment=None):
    services.submit_for_signoff(page, author)
    if state == "published":
        for agency in agencies:
            services.sign_off(services.current_round(page), leads[agency.pk])
    elif state == "in_review":
        for agency in agencies[: max(1, len(agencies) // 2)]:
            services.sign_off(services.current_round(page), leads[agency.pk])
    elif state == "changes_requested":
        services.sign_off(services.current_round(page), leads[agencies[0].pk])
        services.request_changes(services.current_round(page), leads[agencies[-1].pk], comment)


@transaction.atomic
def seed(report, password=None):
    home = HomePage.objects.filter(depth=2, locale__language_code="en").first()
    spanish_home = home.get_translation_or_none(Locale.objects.get(language_code="es")) if home else None
    if home is None or spanish_home is None:
        return
    services.ensure_signoff_workflow()
    index = _ensure_index(home, home.locale, INDEX["en"], report)
    index_es = _ensure_index(spanish_home.specific, spanish_home.locale, INDEX["es"], report)

    agencies, leads, author = _cast()
    if author is None or len(agencies) < 2 or any(agency.pk not in leads for agency in agencies):
        report.note("messages skipped (the demo agencies and their leads are missing)")
        return

    for message in MESSAGES:
        if MessagePage.objects.child_of(index).filter(slug=message["en"]["slug"]).exists():
            continue
        page = MessagePage(live=False, co_authors=agencies[:3], owner=author, **_fields(message["en"]))
        index.add_child(instance=page)
        page.save_revision(user=author)
        spanish = add_translation(page, index_es.locale, publish=False, user=author, **_fields(message["es"]))
        for version, code in ((page, "en"), (spanish, "es")):
            version = MessagePage.objects.get(pk=version.pk)
            _take_through(
                version,
                message["state"],
                author,
                agencies,
                leads,
                comment=message.get("comment", {}).get(code),
            )
        report.note(f"message ({message['state']}): {message['en']['title']}")


# The agencies that sign the site's own pages in the demo (Settings → Sign-off of site pages):
# a small set, as a real task force would choose, covering police, shelter and survivors.
SITE_PAGE_AGENCIES = ["harbor-police", "safe-harbor-shelter", "survivors-rising"]


def _site_page_agencies(report):
    settings = SignOffSettings.load()
    if not settings.site_page_agencies.exists():
        chosen = Agency.objects.active().filter(slug__in=SITE_PAGE_AGENCIES)
        if chosen.exists():
            settings.site_page_agencies.set(chosen)
            report.note("sign-off of site pages: " + ", ".join(a.name for a in chosen))


def awaiting_first_round(page):
    """A page whose latest words have never been put to the agencies: not live (or live with
    older words) and no review round, past or present, on its latest revision."""
    if page.latest_revision_id is None or (page.live and page.live_revision_id == page.latest_revision_id):
        return False
    return not SignOffTaskState.objects.filter(revision_id=page.latest_revision_id).exists()


@transaction.atomic
def sign_pages(report, password=None):
    """The seeding's second phase: the site's pages, drafted by the other apps' demos, go to the
    agencies and are published when every required lead has signed them off, as they would be
    on a real site. Messages keep the states messaging's seed gave them."""
    services.ensure_signoff_workflow()
    _site_page_agencies(report)
    coordinator = Membership.objects.filter(is_coordinator=True).select_related("user").first()
    leads = _cast()[1]
    if coordinator is None:
        report.note("site pages left as drafts (the demo coordinator is missing)")
        return
    signed = 0
    for page in Page.objects.type(SignOffRequiredMixin).order_by("path").specific():
        if not awaiting_first_round(page):
            continue
        services.submit_for_signoff(page, coordinator.user)
        state = services.current_round(page)
        required = list(state.required_agencies.all())
        if any(agency.pk not in leads for agency in required):
            report.note(f"{page.title} left in review (an agency has no lead)")
            continue
        for agency in required:
            services.sign_off(services.current_round(page), leads[agency.pk])
        signed += 1
    if signed:
        report.note(f"{signed} site pages signed off and published")
