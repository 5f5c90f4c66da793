"""Demo content for partners: ten fictional agencies of "Harbor County", their demo accounts and the
directory page in English and Spanish.

Called by `manage.py seed_demo` (home SEEDERS) after the home pages exist. Idempotent: an agency,
account or page that exists is left as it is, so a second run changes nothing.

Coverage is deliberately uneven, as in a real task force: the women's shelter houses women but
not men or families, the survivor-led network has case management but no immigration lawyer,
and nobody offers family-law help, so the capability matrix shows real gaps.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from home.demo import SeedReport
from home.models import HomePage
from home.services import add_translation

from .models import Agency, AgencyType, Language, Membership, Population, Service
from .services import set_capabilities
from .taxonomy import ensure_default_taxonomy

W, M, T, F, K = "adult-women", "adult-men", "transgender-non-binary", "families-with-children", "minors"
FN, US, D = "foreign-nationals", "us-citizens", "people-with-disabilities"
LT, ST = "labor-trafficking-survivors", "sex-trafficking-survivors"
EVERYONE = [W, M, T, F, K, FN, US, D, LT, ST]
ADULTS = [W, M, T, FN, US, D, LT, ST]

DIRECTORY = {
    "en": {
        "title": "Partner directory",
        "slug": "partners",
        "search_description": "Which member agency of the task force offers which service, to whom, in which languages.",
        "introduction": (
            "The agencies of the task force, what each one offers and to whom. Filter by service, by the "
            "people it serves, by language or by type of agency. Calling an agency does not commit you to "
            "anything, and you do not have to talk to the police to get help."
        ),
    },
    "es": {
        "title": "Directorio de socios",
        "slug": "socios",
        "search_description": "Qué agencia del grupo de trabajo ofrece cada servicio, a quién y en qué idiomas.",
        "introduction": (
            "Las agencias que forman el grupo de trabajo, lo que ofrece cada una y a quién. Filtre por "
            "servicio, por las personas a las que atiende, por idioma o por tipo de agencia. Llamar a una "
            "agencia no le obliga a nada, y no tiene que hablar con la policía para recibir ayuda."
        ),
    },
}

# Each agency: its fields, what it offers ({service slug: [population slugs]}), the languages it
# works in, and how many days ago it was last verified (None: never).
AGENCIES = [
    {
        "slug": "harbor-police",
        "name": "Harbor County Police Department",
        "short_name": "HCPD",
        "agency_type": AgencyType.LOCAL_LAW_ENFORCEMENT,
        "service_area": "Harbor County",
        "website": "https://police.harborcounty.example/",
        "public_phone": "555-0100",
        "open_24_7": True,
        "description": {
            "en": "Responds to emergencies and reports of trafficking anywhere in Harbor County, day and night. "
            "Its special victims unit has detectives trained in trauma-informed interviewing and a victim "
            "advocate who stays with the person throughout the case.",
            "es": "Atiende emergencias y denuncias de trata en todo el condado de Harbor, de día y de noche. "
            "Su unidad de víctimas especiales cuenta con detectives formados en entrevistas sensibles al trauma "
            "y con una persona de apoyo a las víctimas que acompaña a la persona durante todo el caso.",
        },
        "contact_name": "Det. Sgt. Maria Okafor",
        "contact_title": "Special Victims Unit supervisor",
        "contact_phone": "555-0101",
        "contact_email": "m.okafor@police.harborcounty.example",
        "after_hours_contact": "Dispatch, 555-0100: ask for the on-call special victims detective.",
        "referral_instructions": "Call the unit first; do not send victim details by email.",
        "capacity_notes": "Two detectives and one victim advocate assigned to trafficking cases.",
        "languages": ["en", "es"],
        "offers": {
            "investigation": EVERYONE,
            "victim-witness-assistance": EVERYONE,
            "interpretation": EVERYONE,
        },
        "verified_days_ago": 40,
    },
    {
        "slug": "state-bureau",
        "name": "State Bureau of Investigation, Human Trafficking Unit",
        "short_name": "SBI",
        "agency_type": AgencyType.STATE_LAW_ENFORCEMENT,
        "service_area": "Statewide",
        "website": "https://sbi.state.example/trafficking",
        "public_phone": "555-0110",
        "open_24_7": True,
        "description": {
            "en": "Investigates trafficking networks that cross county lines, and supports local police with "
            "financial investigation, digital evidence and undercover operations.",
            "es": "Investiga las redes de trata que operan en varios condados y apoya a la policía local con "
            "investigación financiera, pruebas digitales y operaciones encubiertas.",
        },
        "contact_name": "Special Agent Daniel Reyes",
        "contact_title": "Unit coordinator",
        "contact_phone": "555-0111",
        "contact_email": "d.reyes@sbi.state.example",
        "after_hours_contact": "State operations centre, 555-0119.",
        "referral_instructions": "Local agencies request support through the unit coordinator.",
        "languages": ["en", "es"],
        "offers": {"investigation": EVERYONE, "victim-witness-assistance": [*ADULTS, K]},
        "verified_days_ago": 120,
    },
    {
        "slug": "federal-field-office",
        "name": "Federal Investigators, Harbor City Field Office",
        "short_name": "Federal FO",
        "agency_type": AgencyType.FEDERAL_LAW_ENFORCEMENT,
        "service_area": "Federal district including Harbor County",
        "website": "https://harbor-field-office.federal.example/",
        "public_phone": "555-0120",
        "description": {
            "en": "Federal agents who investigate trafficking involving foreign nationals, forced labor and "
            "crossing state or national borders. Victim specialists help survivors with safety planning and "
            "can request immigration protection for survivors who help an investigation.",
            "es": "Agentes federales que investigan casos de trata con personas extranjeras, trabajo forzoso o "
            "cruce de fronteras estatales o nacionales. Sus especialistas en víctimas ayudan a planificar la "
            "seguridad y pueden solicitar protección migratoria para quienes colaboran con una investigación.",
        },
        "contact_name": "Victim Specialist Grace Lin",
        "contact_title": "Victim specialist",
        "contact_phone": "555-0121",
        "contact_email": "g.lin@harbor-field-office.federal.example",
        "referral_instructions": "Call the victim specialist; interpreters are arranged by the office.",
        "languages": ["en", "es", "fr", "vi", "zh-hans"],
        "offers": {
            "investigation": EVERYONE,
            "victim-witness-assistance": EVERYONE,
            "interpretation": [FN, LT, ST],
        },
        "verified_days_ago": None,
    },
    {
        "slug": "district-attorney",
        "name": "Harbor County District Attorney's Office",
        "short_name": "DA",
        "agency_type": AgencyType.PROSECUTOR,
        "service_area": "Harbor County",
        "website": "https://da.harborcounty.example/",
        "public_phone": "555-0130",
        "public_email": "victims@da.harborcounty.example",
        "description": {
            "en": "Prosecutes trafficking and related crimes in Harbor County. Victim-witness staff explain "
            "each step of a case, go to court with survivors and help them use their rights as victims.",
            "es": "Lleva a juicio los casos de trata y delitos relacionados en el condado de Harbor. El personal "
            "de asistencia a víctimas y testigos explica cada paso del proceso, acompaña a las sobrevivientes "
            "al tribunal y les ayuda a ejercer sus derechos como víctimas.",
        },
        "contact_name": "Priya Natarajan",
        "contact_title": "Assistant District Attorney, trafficking cases",
        "contact_phone": "555-0131",
        "contact_email": "p.natarajan@da.harborcounty.example",
        "referral_instructions": "Victim-witness referrals by phone; case consultations with the ADA.",
        "languages": ["en", "es"],
        "offers": {
            "prosecution": EVERYONE,
            "victim-witness-assistance": EVERYONE,
            "criminal-justice-legal-help": EVERYONE,
        },
        "verified_days_ago": 200,
    },
    {
        "slug": "safe-harbor-shelter",
        "name": "Safe Harbor Women's Shelter",
        "short_name": "Safe Harbor",
        "agency_type": AgencyType.VICTIM_SERVICES,
        "service_area": "Harbor County",
        "website": "https://safeharbor.example/",
        "public_phone": "555-0140",
        "open_24_7": True,
        "description": {
            "en": "A confidential emergency shelter for adult women, with transitional apartments for women "
            "leaving sex trafficking. Case managers help with safety plans, benefits, health care and housing. "
            "The shelter cannot house men or families with children.",
            "es": "Un albergue de emergencia confidencial para mujeres adultas, con apartamentos de transición para "
            "mujeres que salen de la trata con fines sexuales. Sus gestoras de casos ayudan con planes de "
            "seguridad, prestaciones, atención médica y vivienda. El albergue no puede alojar a hombres ni a "
            "familias con hijos.",
        },
        "contact_name": "Lucía Fernández",
        "contact_title": "Shelter director",
        "contact_phone": "555-0141",
        "contact_email": "l.fernandez@safeharbor.example",
        "after_hours_contact": "Crisis line, 555-0140, staffed 24 hours.",
        "referral_instructions": "Call the crisis line; the shelter's address is never given by phone or email.",
        "capacity_notes": "12 emergency beds for single women; 4 transitional apartments.",
        "languages": ["en", "es", "pt"],
        "offers": {
            "emergency-shelter": [W, FN, US, D, LT, ST],
            "transitional-housing": [W, ST],
            "case-management": [W, T, FN, US, D, LT, ST],
            "mental-health": [W, ST],
        },
        "verified_days_ago": 15,
    },
    {
        "slug": "harbor-youth",
        "name": "Harbor County Youth and Family Services",
        "short_name": "Youth & Family",
        "agency_type": AgencyType.CHILD_WELFARE,
        "service_area": "Harbor County",
        "website": "https://youth.harborcounty.example/",
        "public_phone": "555-0150",
        "open_24_7": True,
        "description": {
            "en": "The county's child-welfare agency. It responds to every report that a child may be "
            "trafficked, runs a youth shelter, and supports families with counselling and case management.",
            "es": "La agencia de protección de la infancia del condado. Responde a cada aviso de que un menor "
            "podría ser víctima de trata, gestiona un albergue juvenil y apoya a las familias con orientación "
            "psicológica y gestión de casos.",
        },
        "contact_name": "Marcus Bell",
        "contact_title": "Intake supervisor",
        "contact_phone": "555-0151",
        "contact_email": "m.bell@youth.harborcounty.example",
        "after_hours_contact": "Child abuse hotline, 555-0150 (24 hours).",
        "referral_instructions": "Any suspicion that a minor is trafficked: call the hotline at once.",
        "capacity_notes": "Youth shelter: 8 beds, ages 12–17.",
        "languages": ["en", "es"],
        "offers": {
            "child-welfare": [K, F],
            "emergency-shelter": [K],
            "case-management": [K, F],
            "mental-health": [K, F],
            "employment-education": [K],
        },
        "verified_days_ago": 90,
    },
    {
        "slug": "immigration-legal-aid",
        "name": "Harbor Immigrant Legal Aid Clinic",
        "short_name": "Legal Aid",
        "agency_type": AgencyType.LEGAL_SERVICES,
        "service_area": "Harbor County and Bay County",
        "website": "https://legalaid-harbor.example/",
        "public_phone": "555-0160",
        "public_email": "intake@legalaid-harbor.example",
        "description": {
            "en": "Free immigration lawyers for survivors of trafficking: T visas, U visas, continued presence "
            "and work permits, and help with victims' rights in criminal cases. Consultations are confidential.",
            "es": "Abogados de inmigración gratuitos para sobrevivientes de trata: visas T y U, presencia "
            "continuada y permisos de trabajo, además de ayuda con los derechos de las víctimas en los procesos "
            "penales. Las consultas son confidenciales.",
        },
        "contact_name": "Ana Sofía Duarte",
        "contact_title": "Managing attorney",
        "contact_phone": "555-0161",
        "contact_email": "a.duarte@legalaid-harbor.example",
        "referral_instructions": "Use the partner referral form; urgent cases by phone.",
        "capacity_notes": "Waiting list of about three weeks for non-urgent cases.",
        "languages": ["en", "es", "fr", "pt"],
        "offers": {
            "immigration-legal-help": [W, M, T, F, K, FN, D, LT, ST],
            "criminal-justice-legal-help": [FN, LT, ST],
            "interpretation": [FN],
        },
        "verified_days_ago": 60,
    },
    {
        "slug": "bayside-health",
        "name": "Bayside Community Health Center",
        "short_name": "Bayside Health",
        "agency_type": AgencyType.HEALTH_CARE,
        "service_area": "Harbor County",
        "website": "https://baysidehealth.example/",
        "public_phone": "555-0170",
        "description": {
            "en": "Primary care, mental health and substance-use treatment for everyone, whether or not they "
            "have insurance or papers. Interpreters are available for every appointment.",
            "es": "Atención primaria, salud mental y tratamiento por consumo de sustancias para todas las "
            "personas, tengan o no seguro médico o documentos. Hay intérpretes disponibles en todas las citas.",
        },
        "contact_name": "Dr. Samuel Osei",
        "contact_title": "Medical director",
        "contact_phone": "555-0171",
        "contact_email": "s.osei@baysidehealth.example",
        "referral_instructions": "Same-day appointments for partner referrals: call the clinic manager.",
        "languages": ["en", "es", "vi", "zh-hans", "ar"],
        "offers": {
            "medical-care": EVERYONE,
            "mental-health": EVERYONE,
            "substance-use-treatment": [W, M, T, FN, US, D],
            "interpretation": EVERYONE,
        },
        "verified_days_ago": 30,
    },
    {
        "slug": "workers-rights-center",
        "name": "Harbor Workers' Rights Center",
        "short_name": "Workers' Center",
        "agency_type": AgencyType.LABOR,
        "service_area": "Harbor County",
        "website": "https://workers-harbor.example/",
        "public_phone": "555-0180",
        "description": {
            "en": "Helps workers recover stolen wages, report unsafe or forced work and find new jobs and "
            "training. Many of the people it helps are farm, restaurant and domestic workers.",
            "es": "Ayuda a las personas trabajadoras a recuperar salarios no pagados, denunciar trabajos "
            "peligrosos o forzosos y encontrar nuevos empleos y formación. Muchas de las personas que atiende "
            "trabajan en el campo, en restaurantes o en el servicio doméstico.",
        },
        "contact_name": "José Martínez",
        "contact_title": "Organizer",
        "contact_phone": "555-0181",
        "contact_email": "j.martinez@workers-harbor.example",
        "referral_instructions": "Walk-in hours Tuesday and Thursday evenings; partners may call any time.",
        "languages": ["en", "es", "pt"],
        "offers": {
            "labor-rights": [W, M, T, FN, US, LT],
            "employment-education": [W, M, T, FN, US, D, LT],
            "case-management": [M, LT],
            "interpretation": [FN, LT],
        },
        "verified_days_ago": 430,
    },
    {
        "slug": "survivors-rising",
        "name": "Survivors Rising Harbor",
        "short_name": "Survivors Rising",
        "agency_type": AgencyType.SURVIVOR_LED,
        "service_area": "Harbor County",
        "website": "https://survivorsrising.example/",
        "public_phone": "555-0190",
        "description": {
            "en": "A network led by survivors of trafficking. Peer mentors walk alongside people as they "
            "rebuild their lives, with case management, support groups and help finding work or school. "
            "It has no lawyers of its own and refers immigration questions to its partners.",
            "es": "Una red dirigida por sobrevivientes de trata. Sus mentoras acompañan a las personas mientras "
            "rehacen su vida, con gestión de casos, grupos de apoyo y ayuda para encontrar trabajo o estudios. "
            "No cuenta con abogados propios y deriva las consultas de inmigración a sus socios.",
        },
        "contact_name": "Tanya Brooks",
        "contact_title": "Peer support lead",
        "contact_phone": "555-0191",
        "contact_email": "t.brooks@survivorsrising.example",
        "referral_instructions": "Ask the person first; a peer mentor will call them within two days.",
        "languages": ["en", "es"],
        "offers": {
            "peer-support": [W, M, T, US, FN, LT, ST],
            "case-management": [W, M, T, LT, ST],
            "employment-education": [W, T, ST],
        },
        "verified_days_ago": 10,
    },
]

ROLE_SUFFIXES = {"author": "is_author", "lead": "is_communications_lead", "host": "is_training_host"}


def demo_usernames():
    """The demo partner accounts for seed_demo's output: {agency slug or "": [usernames]}."""
    accounts = {"": ["coordinator"]}
    for agency in AGENCIES:
        accounts[agency["slug"]] = [f"{agency['slug']}-{suffix}" for suffix in ROLE_SUFFIXES]
    return accounts


def _ensure_agency(content, services, populations, languages, report):
    agency = Agency.objects.filter(slug=content["slug"]).first()
    if agency is not None:
        return agency
    fields = {
        key: value
        for key, value in content.items()
        if key not in {"offers", "languages", "verified_days_ago", "description"}
    }
    days = content["verified_days_ago"]
    agency = Agency(
        **fields,
        description=dict(content["description"]),
        last_verified_on=None if days is None else timezone.localdate() - datetime.timedelta(days=days),
    )
    agency.languages.set([languages[code] for code in content["languages"]])
    agency.save()
    set_capabilities(
        agency,
        [
            (services[service], populations[population])
            for service, offered_to in content["offers"].items()
            for population in offered_to
        ],
    )
    report.note(f"agency {agency.slug}")
    return agency


def _ensure_member(username, password, agency, report, **roles):
    from home.management.commands.seed_demo import ensure_demo_user

    user = ensure_demo_user(username, password, report=report, email=f"{username}@example.org")
    if not Membership.objects.filter(user=user).exists():
        Membership.objects.create(user=user, agency=agency, **roles)
    return user


def _ensure_directory(report):
    english, spanish = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="es")
    from .models import DirectoryPage

    home = HomePage.objects.filter(locale=english).order_by("path").first()
    directory = DirectoryPage.objects.child_of(home).first()
    if directory is None:
        directory = DirectoryPage(show_in_menus=True, **DIRECTORY["en"])
        home.add_child(instance=directory)
        directory.save_revision()  # published once signed off (messaging.demo.sign_pages)
        report.note(f"en: {directory.title}")
    if directory.get_translation_or_none(spanish) is None:
        add_translation(directory, spanish, publish=False, **DIRECTORY["es"])
        report.note(f"es: {DIRECTORY['es']['title']}")
    return directory


@transaction.atomic
def seed(report=None, *, password=None):
    report = report or SeedReport(created=[])
    created_terms = ensure_default_taxonomy()
    if created_terms:
        report.note(f"{len(created_terms)} services and populations")
    services = {service.slug: service for service in Service.objects.all()}
    populations = {population.slug: population for population in Population.objects.all()}
    codes = {code for content in AGENCIES for code in content["languages"]}
    languages = {code: Language.objects.get_or_create(code=code)[0] for code in sorted(codes)}

    for content in AGENCIES:
        agency = _ensure_agency(content, services, populations, languages, report)
        if password:
            for suffix, role in ROLE_SUFFIXES.items():
                _ensure_member(f"{agency.slug}-{suffix}", password, agency, report, **{role: True})
    if password:
        _ensure_member("coordinator", password, None, report, is_coordinator=True)

    _ensure_directory(report)
    return report
