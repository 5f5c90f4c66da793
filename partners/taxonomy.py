"""The default services and populations of the capability matrix, in English and Spanish.

The taxonomy is managed by the coordinator in the admin (Partners → Services / Populations);
these are only the terms a new task force starts from. `manage.py load_taxonomy` and the demo
content create the ones that are missing and never change a term that exists.
"""

from django.db import transaction

from .models import Population, Service

# (slug, {language: name}) in display order.
DEFAULT_SERVICES = [
    ("emergency-shelter", {"en": "Emergency shelter", "es": "Albergue de emergencia"}),
    ("transitional-housing", {"en": "Transitional housing", "es": "Vivienda de transición"}),
    ("case-management", {"en": "Case management", "es": "Gestión de casos"}),
    ("immigration-legal-help", {"en": "Immigration legal help", "es": "Asesoría legal de inmigración"}),
    (
        "criminal-justice-legal-help",
        {
            "en": "Criminal-justice and victim-rights legal help",
            "es": "Asesoría legal penal y sobre derechos de las víctimas",
        },
    ),
    ("family-law-help", {"en": "Family-law help", "es": "Asesoría en derecho de familia"}),
    ("medical-care", {"en": "Medical care", "es": "Atención médica"}),
    ("mental-health", {"en": "Mental health", "es": "Salud mental"}),
    (
        "substance-use-treatment",
        {"en": "Substance-use treatment", "es": "Tratamiento por consumo de sustancias"},
    ),
    ("interpretation", {"en": "Interpretation", "es": "Interpretación"}),
    ("employment-education", {"en": "Employment and education", "es": "Empleo y educación"}),
    (
        "labor-rights",
        {"en": "Labor rights and wage claims", "es": "Derechos laborales y reclamos de salarios"},
    ),
    ("peer-support", {"en": "Peer support", "es": "Apoyo entre pares"}),
    ("investigation", {"en": "Investigation", "es": "Investigación"}),
    ("prosecution", {"en": "Prosecution", "es": "Acción penal"}),
    (
        "victim-witness-assistance",
        {"en": "Victim-witness assistance", "es": "Asistencia a víctimas y testigos"},
    ),
    ("child-welfare", {"en": "Child welfare", "es": "Protección de la infancia"}),
]

DEFAULT_POPULATIONS = [
    ("adult-women", {"en": "Adult women", "es": "Mujeres adultas"}),
    ("adult-men", {"en": "Adult men", "es": "Hombres adultos"}),
    (
        "transgender-non-binary",
        {"en": "Transgender and non-binary people", "es": "Personas transgénero y no binarias"},
    ),
    ("families-with-children", {"en": "Families with children", "es": "Familias con hijos"}),
    ("minors", {"en": "Minors (under 18)", "es": "Menores de edad (menos de 18 años)"}),
    ("foreign-nationals", {"en": "Foreign nationals", "es": "Personas extranjeras"}),
    ("us-citizens", {"en": "U.S. citizens", "es": "Ciudadanos estadounidenses"}),
    ("people-with-disabilities", {"en": "People with disabilities", "es": "Personas con discapacidad"}),
    (
        "labor-trafficking-survivors",
        {"en": "Labor-trafficking survivors", "es": "Sobrevivientes de trata laboral"},
    ),
    (
        "sex-trafficking-survivors",
        {"en": "Sex-trafficking survivors", "es": "Sobrevivientes de trata con fines sexuales"},
    ),
]


@transaction.atomic
def ensure_default_taxonomy():
    """Create the default terms that do not exist yet (by slug). Returns the names of those created."""
    created = []
    for model, terms in ((Service, DEFAULT_SERVICES), (Population, DEFAULT_POPULATIONS)):
        existing = set(model.objects.values_list("slug", flat=True))
        for order, (slug, name) in enumerate(terms, start=1):
            if slug not in existing:
                model.objects.create(slug=slug, name=dict(name), sort_order=order * 10)
                created.append(f"{model._meta.model_name} {slug}")
    return created
