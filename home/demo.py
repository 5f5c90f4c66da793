"""Demo content for the home app: the site's core pages in English and Spanish.

Called by `manage.py seed_demo`. Idempotent: a page or record that already exists is left as
it is (an editor's changes survive a second run), so running it twice changes nothing.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Site

from .models import HomePage, SafetySettings, SiteText, StandardPage
from .services import add_translation

# --- Content ------------------------------------------------------------------------------
# Each entry: the English version and its Spanish translation, written (not machine filler).

HOME = {
    "en": {
        "title": "Home",
        "headline": "Partner agencies speaking with one voice against human trafficking.",
        "introduction": (
            "We are police, prosecutors, victim service providers, legal aid, health and community "
            "organisations working together as one task force. Here you will find our shared public "
            "message, plain facts about trafficking, who can help with what, and our joint trainings."
        ),
    },
    "es": {
        "title": "Inicio",
        "headline": "Agencias asociadas que hablan con una sola voz contra la trata de personas.",
        "introduction": (
            "Somos policía, fiscalía, proveedores de servicios a víctimas, asistencia legal, "
            "organizaciones de salud y comunitarias que trabajan juntas como un solo grupo de trabajo. "
            "Aquí encontrará nuestro mensaje público común, datos claros sobre la trata, quién puede "
            "ayudar con qué y nuestras capacitaciones conjuntas."
        ),
    },
}

ABOUT = {
    "en": {
        "title": "About the task force",
        "slug": "about",
        "search_description": "Why agencies against human trafficking work as one task force, and what that changes.",
        "introduction": (
            "No single organisation can meet every need of a person who has been trafficked. "
            "The task force brings the agencies that can together, so that each knows what the others do."
        ),
        "body": [
            ("heading", {"text": "Learning each other's roles", "level": "h2"}),
            (
                "paragraph",
                "<p>A task force first gives its members a place to learn the roles and capacities of the "
                "other agencies. That is the first step towards a coordinated response in which police, "
                "victim service providers and the community act together instead of one after another.</p>"
                "<p>People who have been trafficked are often first met by someone outside law enforcement: a "
                "nurse, a shelter worker, a teacher. They need to know which agency to contact and, above all, "
                "which person in it understands human trafficking.</p>",
            ),
            ("heading", {"text": "A tool box, all in one place", "level": "h2"}),
            (
                "paragraph",
                "<p>Every organisation has things it can do and things it cannot. One shelter can house women "
                "but not men or families. One provider offers case management but has no immigration lawyer. "
                "A police department can respond at once but may need federal partners to investigate.</p>"
                "<p>Our partner directory lists what each member offers, and for whom, so that everyone can see "
                "what help exists and where the gaps are.</p>",
            ),
            (
                "quote",
                {
                    "text": "A task force can be like a tool box: you have what you need when you need it, all in one place.",
                    "attribution": "",
                },
            ),
            ("heading", {"text": "Why it works", "level": "h2"}),
            (
                "paragraph",
                "<p>Research shows that places with active multidisciplinary task forces are more likely to "
                "identify victims of human trafficking and to prosecute offenders successfully. A survivor who "
                "feels supported is more likely to accept services and, if they choose to, to take part in a case.</p>",
            ),
            (
                "accordion",
                {
                    "heading": "Questions people ask",
                    "items": [
                        {
                            "question": "Do I have to talk to the police to get help?",
                            "answer": "<p>No. Services are offered according to need, whether or not a survivor "
                            "chooses to take part in a criminal case.</p>",
                        },
                        {
                            "question": "Who belongs to the task force?",
                            "answer": "<p>Local, state and federal law enforcement, prosecutors, victim service "
                            "providers, legal services, health care, child welfare, labour agencies and community "
                            "and faith organisations, including organisations led by survivors.</p>",
                        },
                        {
                            "question": "Can I get help in my language?",
                            "answer": "<p>Yes. Many partners serve people in several languages and the national "
                            "hotline can connect you with an interpreter.</p>",
                        },
                    ],
                },
            ),
        ],
    },
    "es": {
        "title": "Sobre el grupo de trabajo",
        "slug": "sobre-el-grupo",
        "search_description": "Por qué las agencias contra la trata de personas trabajan como un solo grupo y qué cambia con ello.",
        "introduction": (
            "Ninguna organización puede cubrir por sí sola todas las necesidades de una persona que ha sido "
            "víctima de trata. El grupo de trabajo reúne a las agencias que sí pueden, para que cada una sepa "
            "lo que hacen las demás."
        ),
        "body": [
            ("heading", {"text": "Conocer el papel de cada uno", "level": "h2"}),
            (
                "paragraph",
                "<p>Un grupo de trabajo ofrece primero a sus miembros un espacio para conocer las funciones y la "
                "capacidad de las demás agencias. Es el primer paso hacia una respuesta coordinada, en la que la "
                "policía, los proveedores de servicios y la comunidad actúan juntos y no uno detrás de otro.</p>"
                "<p>Muchas veces, la primera persona que encuentra a una víctima de trata no es un agente de "
                "policía, sino una enfermera, alguien de un albergue o un maestro. Necesitan saber a qué agencia "
                "acudir y, sobre todo, qué persona dentro de ella conoce bien la trata de personas.</p>",
            ),
            ("heading", {"text": "Una caja de herramientas en un solo lugar", "level": "h2"}),
            (
                "paragraph",
                "<p>Cada organización tiene cosas que puede hacer y otras que no. Un albergue puede alojar a "
                "mujeres, pero no a hombres ni a familias. Un proveedor ofrece gestión de casos, pero no tiene "
                "abogado de inmigración. Un departamento de policía puede responder de inmediato, pero quizá "
                "necesite a socios federales para investigar.</p>"
                "<p>Nuestro directorio de socios muestra qué ofrece cada miembro y a quién, para que todos vean "
                "qué ayuda existe y dónde faltan recursos.</p>",
            ),
            (
                "quote",
                {
                    "text": "Un grupo de trabajo puede ser como una caja de herramientas: tiene lo que necesita, "
                    "cuando lo necesita, todo en un mismo lugar.",
                    "attribution": "",
                },
            ),
            ("heading", {"text": "Por qué funciona", "level": "h2"}),
            (
                "paragraph",
                "<p>Las investigaciones muestran que donde hay grupos de trabajo multidisciplinarios activos se "
                "identifican más víctimas de trata y se logra procesar con éxito a más responsables. Una "
                "sobreviviente que se siente apoyada acepta más fácilmente los servicios y, si así lo decide, "
                "participa en el caso.</p>",
            ),
            (
                "accordion",
                {
                    "heading": "Preguntas frecuentes",
                    "items": [
                        {
                            "question": "¿Tengo que hablar con la policía para recibir ayuda?",
                            "answer": "<p>No. Los servicios se ofrecen según la necesidad, participe o no la "
                            "sobreviviente en un proceso penal.</p>",
                        },
                        {
                            "question": "¿Quiénes forman parte del grupo de trabajo?",
                            "answer": "<p>Las fuerzas del orden locales, estatales y federales, la fiscalía, los "
                            "proveedores de servicios a víctimas, los servicios legales, la atención médica, la "
                            "protección de menores, las agencias laborales y las organizaciones comunitarias y "
                            "religiosas, incluidas las dirigidas por sobrevivientes.</p>",
                        },
                        {
                            "question": "¿Puedo recibir ayuda en mi idioma?",
                            "answer": "<p>Sí. Muchos socios atienden en varios idiomas y la línea nacional puede "
                            "comunicarle con un intérprete.</p>",
                        },
                    ],
                },
            ),
        ],
    },
}

SAFETY = {
    "en": {
        "title": "Safety online",
        "slug": "safety-online",
        "search_description": "What the quick-exit button does, what it cannot do, and how to browse more safely.",
        "introduction": (
            "If someone may be checking your phone or computer, these steps can make your visit harder to "
            "discover. No step is perfect: if you can, use a device that the other person cannot reach."
        ),
        "body": [
            ("heading", {"text": "The “Leave this site now” button", "level": "h2"}),
            (
                "paragraph",
                "<p>The button at the top of every page hides this site at once and opens a weather website in "
                "the same tab. It replaces the page you were reading in that tab's history, so pressing Back "
                "does not bring it back. You can also press the Shift key three times in a row.</p>",
            ),
            ("heading", {"text": "What the button cannot do", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>It does not erase your browser history. Other pages of this site that you opened before "
                "may still be listed there and in the tab's Back list.</li>"
                "<li>It does not close other tabs or windows.</li>"
                "<li>It cannot hide your visit from software that records everything you do on the device.</li></ul>",
            ),
            ("heading", {"text": "Ways to browse more safely", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Use a private or incognito window: it keeps no history once you close it.</li>"
                "<li>Use a computer at a library, a friend's phone or another device the person does not use.</li>"
                "<li>If you cannot use private browsing, delete only this site's entries from your history rather "
                "than all of it, which may look suspicious.</li>"
                "<li>Check whether your location is being shared, for example through a family-sharing app.</li></ul>",
            ),
            (
                "paragraph",
                "<p>This site sets no cookies while you read and loads nothing from other websites, so it does not "
                "tell anyone else that you were here.</p>",
            ),
        ],
    },
    "es": {
        "title": "Seguridad en internet",
        "slug": "seguridad-en-internet",
        "search_description": "Qué hace el botón de salida rápida, qué no puede hacer y cómo navegar con más seguridad.",
        "introduction": (
            "Si alguien podría revisar su teléfono o su computadora, estos pasos pueden hacer que su visita sea "
            "más difícil de descubrir. Ningún paso es perfecto: si puede, use un dispositivo al que esa persona "
            "no tenga acceso."
        ),
        "body": [
            ("heading", {"text": "El botón «Salir de este sitio ahora»", "level": "h2"}),
            (
                "paragraph",
                "<p>El botón en la parte superior de cada página oculta este sitio al instante y abre una página "
                "del tiempo en la misma pestaña. Reemplaza la página que estaba leyendo en el historial de esa "
                "pestaña, así que al pulsar Atrás no vuelve a aparecer. También puede pulsar la tecla Mayús tres "
                "veces seguidas.</p>",
            ),
            ("heading", {"text": "Lo que el botón no puede hacer", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>No borra el historial del navegador. Otras páginas de este sitio que abrió antes pueden "
                "seguir apareciendo allí y en la lista de Atrás de la pestaña.</li>"
                "<li>No cierra otras pestañas ni ventanas.</li>"
                "<li>No puede ocultar su visita a un programa que registre todo lo que hace en el dispositivo.</li></ul>",
            ),
            ("heading", {"text": "Cómo navegar con más seguridad", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Use una ventana privada o de incógnito: no guarda historial al cerrarla.</li>"
                "<li>Use una computadora de una biblioteca, el teléfono de una amistad u otro dispositivo que esa "
                "persona no use.</li>"
                "<li>Si no puede navegar en privado, borre solo las entradas de este sitio del historial y no todo "
                "el historial, porque eso podría levantar sospechas.</li>"
                "<li>Revise si se está compartiendo su ubicación, por ejemplo con una aplicación familiar.</li></ul>",
            ),
            (
                "paragraph",
                "<p>Este sitio no guarda cookies mientras usted lee y no carga nada de otros sitios web, así que no "
                "le avisa a nadie más de su visita.</p>",
            ),
        ],
    },
}

REPORT = {
    "en": {
        "title": "How to report trafficking",
        "slug": "report",
        "search_description": "Call or text the National Human Trafficking Hotline, or 911 in an emergency.",
        "introduction": (
            "If you think someone is being trafficked, or you need help yourself, you can contact the National "
            "Human Trafficking Hotline at any time. If someone is in immediate danger, call 911."
        ),
        "body": [
            ("heading", {"text": "National Human Trafficking Hotline", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Call <b>1-888-373-7888</b>, 24 hours a day, 7 days a week.</li>"
                "<li>Text <b>233733</b>.</li>"
                "<li>The hotline is free and confidential and can help in more than 200 languages through "
                "interpreters.</li></ul>",
            ),
            (
                "call_to_action",
                {
                    "heading": "In immediate danger?",
                    "text": "Call 911 now. Tell the operator where you are and whether anyone is hurt.",
                    "link": {"page": None, "url": "tel:911"},
                    "button_label": "Call 911",
                },
            ),
            (
                "accordion",
                {
                    "heading": "Before you call",
                    "items": [
                        {
                            "question": "Do I have to give my name?",
                            "answer": "<p>No. You can report without giving your name.</p>",
                        },
                        {
                            "question": "What information helps?",
                            "answer": "<p>Whatever you know: where and when you saw something, what happened, "
                            "and how to reach you safely if you want to be contacted. You do not need proof.</p>",
                        },
                        {
                            "question": "What happens after I call?",
                            "answer": "<p>The hotline listens, explains your options and, with your agreement, "
                            "connects you with local services or passes the information to a task force partner "
                            "that can act on it.</p>",
                        },
                    ],
                },
            ),
        ],
    },
    "es": {
        "title": "Cómo denunciar la trata",
        "slug": "denunciar",
        "search_description": "Llame o escriba a la Línea Nacional contra la Trata de Personas, o al 911 en una emergencia.",
        "introduction": (
            "Si cree que alguien es víctima de trata, o si usted necesita ayuda, puede comunicarse en cualquier "
            "momento con la Línea Nacional contra la Trata de Personas. Si alguien corre peligro inmediato, "
            "llame al 911."
        ),
        "body": [
            ("heading", {"text": "Línea Nacional contra la Trata de Personas", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Llame al <b>1-888-373-7888</b>, las 24 horas, los 7 días de la semana.</li>"
                "<li>Envíe un mensaje de texto al <b>233733</b>.</li>"
                "<li>La línea es gratuita y confidencial, y puede atenderle en más de 200 idiomas con "
                "intérpretes.</li></ul>",
            ),
            (
                "call_to_action",
                {
                    "heading": "¿Hay un peligro inmediato?",
                    "text": "Llame ahora al 911. Diga dónde está y si hay alguien herido.",
                    "link": {"page": None, "url": "tel:911"},
                    "button_label": "Llamar al 911",
                },
            ),
            (
                "accordion",
                {
                    "heading": "Antes de llamar",
                    "items": [
                        {
                            "question": "¿Tengo que dar mi nombre?",
                            "answer": "<p>No. Puede hacer la denuncia sin dar su nombre.</p>",
                        },
                        {
                            "question": "¿Qué información sirve?",
                            "answer": "<p>Lo que usted sepa: dónde y cuándo vio algo, qué pasó y cómo "
                            "comunicarse con usted de forma segura si quiere que le contacten. No necesita "
                            "pruebas.</p>",
                        },
                        {
                            "question": "¿Qué pasa después de llamar?",
                            "answer": "<p>La línea le escucha, le explica sus opciones y, si usted está de "
                            "acuerdo, le conecta con servicios locales o pasa la información a un socio del grupo "
                            "de trabajo que pueda actuar.</p>",
                        },
                    ],
                },
            ),
        ],
    },
}

SITE_TEXT = {
    "en": {
        "hotline_name": "National Human Trafficking Hotline",
        "hotline_hours": "Free and confidential, 24 hours a day, in more than 200 languages.",
        "safety_notice": (
            "If someone may be watching your phone or computer, use a private window. "
            "The red button at the top leaves this site at once."
        ),
        "footer_text": (
            "Taskforce Commons is the shared website of the partner agencies of the anti-human-trafficking "
            "task force. Each page is published only after the partner agencies named at its foot have "
            "signed off its exact words."
        ),
    },
    "es": {
        "hotline_name": "Línea Nacional contra la Trata de Personas",
        "hotline_hours": "Gratuita y confidencial, las 24 horas, en más de 200 idiomas.",
        "safety_notice": (
            "Si alguien podría vigilar su teléfono o su computadora, use una ventana privada. "
            "El botón rojo de arriba sale de este sitio al instante."
        ),
        "footer_text": (
            "Taskforce Commons es el sitio web común de las agencias asociadas del grupo de trabajo contra la "
            "trata de personas. Cada página se publica solo después de que las agencias asociadas nombradas al "
            "pie hayan aprobado su texto exacto."
        ),
    },
}


@dataclass
class SeedReport:
    created: list

    def note(self, text):
        self.created.append(text)


def _stream(entries):
    return [{"type": block_type, "value": value} for block_type, value in entries]


def _draft(page):
    """Save the page's words as a new revision. Pages go live later, when the partner agencies
    have signed them off (messaging.demo.sign_pages, the seeding's second phase)."""
    page.save_revision(log_action=True)


def _latest(page):
    """What the page says in its latest revision (signed or not): the demo's idempotency check."""
    return page.get_latest_revision_as_object() if page.latest_revision_id else page


def _ensure_locale(code):
    locale, _ = Locale.objects.get_or_create(language_code=code)
    return locale


def _ensure_home(report):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root is not a HomePage; run migrations on a fresh database.")
    # Fill the placeholder created by the migration, once. It stays live with its first words
    # until the agencies have signed the demo's.
    if not _latest(home).introduction:
        content = HOME["en"]
        home.title = content["title"]
        home.headline = content["headline"]
        home.introduction = content["introduction"]
        _draft(home)
        report.note("English home page")
    return home


def _translate(page, locale, content, report, fields):
    """Create (once) and publish the `locale` version of `page` with `content`."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = add_translation(page, locale, publish=False, **fields(content))
    report.note(f"{locale.language_code}: {translation.title}")
    return translation


def _home_fields(content):
    return {
        "title": content["title"],
        "slug": slugify(content["title"]),
        "headline": content["headline"],
        "introduction": content["introduction"],
    }


def _standard_fields(content):
    return {
        "title": content["title"],
        "slug": content["slug"],
        "search_description": content["search_description"],
        "introduction": content["introduction"],
        "body": _stream(content["body"]),
    }


def _ensure_standard_page(parent, content, report, *, show_in_menus=True):
    existing = parent.get_children().filter(slug=content["slug"]).first()
    if existing is not None:
        return existing.specific
    page = StandardPage(show_in_menus=show_in_menus, **_standard_fields(content))
    parent.add_child(instance=page)
    _draft(page)
    report.note(f"en: {page.title}")
    return page


def _home_sections(about, report_page, safety):
    return _stream(
        [
            (
                "call_to_action",
                {
                    "heading": "Need help now?",
                    "text": "The National Human Trafficking Hotline is free, confidential and open 24 hours a day. "
                    "You do not have to give your name.",
                    "link": {"page": report_page.pk, "url": ""},
                    "button_label": "How to get help or report",
                },
            ),
            (
                "featured_pages",
                {
                    "heading": "Start here",
                    "introduction": "",
                    "pages": [about.pk, report_page.pk, safety.pk],
                },
            ),
        ]
    )


def _home_sections_es(about, report_page, safety):
    return _stream(
        [
            (
                "call_to_action",
                {
                    "heading": "¿Necesita ayuda ahora?",
                    "text": "La Línea Nacional contra la Trata de Personas es gratuita, confidencial y atiende las "
                    "24 horas. No tiene que dar su nombre.",
                    "link": {"page": report_page.pk, "url": ""},
                    "button_label": "Cómo pedir ayuda o denunciar",
                },
            ),
            (
                "featured_pages",
                {
                    "heading": "Empiece aquí",
                    "introduction": "",
                    "pages": [about.pk, report_page.pk, safety.pk],
                },
            ),
        ]
    )


def _ensure_site_text(report):
    english = _ensure_locale("en")
    text = SiteText.objects.filter(locale=english).first()
    if text is None:
        text = SiteText.objects.create(locale=english, **SITE_TEXT["en"])
        report.note("en: site text")
    for code, content in SITE_TEXT.items():
        if code == "en":
            continue
        locale = _ensure_locale(code)
        if text.get_translation_or_none(locale) is None:
            translation = text.copy_for_translation(locale)
            for field, value in content.items():
                setattr(translation, field, value)
            translation.save()
            report.note(f"{code}: site text")
    return text


@transaction.atomic
def seed(report=None, *, password=None):
    report = report or SeedReport(created=[])
    spanish = _ensure_locale("es")
    home = _ensure_home(report)

    about = _ensure_standard_page(home, ABOUT["en"], report)
    report_page = _ensure_standard_page(home, REPORT["en"], report)
    safety = _ensure_standard_page(home, SAFETY["en"], report)

    home = _latest(HomePage.objects.get(pk=home.pk))
    if not home.body:
        home.body = _home_sections(about, report_page, safety)
        _draft(home)

    home_es = _translate(home, spanish, HOME["es"], report, _home_fields)
    for page, content in ((about, ABOUT["es"]), (report_page, REPORT["es"]), (safety, SAFETY["es"])):
        _translate(page, spanish, content, report, _standard_fields)
    # Fresh: children were added through another instance.
    home_es = _latest(HomePage.objects.get(pk=home_es.pk))
    if not home_es.body:
        home_es.body = _home_sections_es(
            about.get_translation(spanish),
            report_page.get_translation(spanish),
            safety.get_translation(spanish),
        )
        _draft(home_es)

    text = _ensure_site_text(report)
    site = Site.objects.get(is_default_site=True)
    settings_ = SafetySettings.for_site(site)
    changed = False
    if settings_.safety_page_id is None:
        settings_.safety_page = safety
        changed = True
    if settings_.site_text_id is None:
        settings_.site_text = text
        changed = True
    if changed:
        settings_.save()
        report.note("safety settings")
    return report
