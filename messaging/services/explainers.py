"""Explainers whose facts are due to be checked again (the coordinator's dashboard and report)."""

import datetime

from django.utils import timezone

from ..models import ExplainerPage


def recheck_cutoff(today):
    """The same day one year before `today` (28 February for a 29 February)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def explainers_to_recheck(today=None):
    """Live explainers, in every language, whose facts were last checked more than a year before
    `today`: the oldest check first. The public is reading these now, so they come before drafts
    (a draft's date is checked when it is submitted and signed off)."""
    today = today or timezone.localdate()
    return (
        ExplainerPage.objects.live()
        .filter(facts_checked_on__lt=recheck_cutoff(today))
        .select_related("locale")
        .order_by("facts_checked_on", "path")
        .defer_streamfields()
    )


def days_since_checked(explainer, today=None):
    today = today or timezone.localdate()
    return (today - explainer.facts_checked_on) // datetime.timedelta(days=1)
