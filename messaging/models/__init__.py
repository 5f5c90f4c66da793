from messaging.gate import SignOffRequired, SignOffRequiredMixin

from .pages import MessageIndexPage, MessagePage, MessagePageTag
from .settings import SignOffSettings
from .signoff import AgencySignOffTask, SignOff, SignOffReminder, SignOffTaskState

__all__ = [
    "AgencySignOffTask",
    "MessageIndexPage",
    "MessagePage",
    "MessagePageTag",
    "SignOff",
    "SignOffReminder",
    "SignOffRequired",
    "SignOffRequiredMixin",
    "SignOffSettings",
    "SignOffTaskState",
]
