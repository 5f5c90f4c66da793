from messaging.gate import SignOffRequired, SignOffRequiredMixin

from .pages import (
    Audience,
    ExplainerIndexPage,
    ExplainerPage,
    MessageIndexPage,
    MessagePage,
    MessagePageTag,
    TraffickingForm,
)
from .settings import SignOffSettings
from .signoff import AgencySignOffTask, SignOff, SignOffReminder, SignOffTaskState

__all__ = [
    "AgencySignOffTask",
    "Audience",
    "ExplainerIndexPage",
    "ExplainerPage",
    "MessageIndexPage",
    "MessagePage",
    "MessagePageTag",
    "SignOff",
    "SignOffReminder",
    "SignOffRequired",
    "SignOffRequiredMixin",
    "SignOffSettings",
    "SignOffTaskState",
    "TraffickingForm",
]
