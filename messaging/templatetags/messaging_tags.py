from django import template

from messaging.services import endorsements as signed_endorsements

register = template.Library()


@register.inclusion_tag("messaging/includes/endorsements.html")
def endorsements(page):
    """ "Endorsed by": the agencies that signed off the live revision, with the date."""
    signoffs = signed_endorsements(page)
    return {"signoffs": signoffs, "page": page, "date": max((s.created_at for s in signoffs), default=None)}
