from .mixins import SignOffRequired, SignOffRequiredMixin, SignOffRequiredParentMixin
from .pages import MessageIndexPage, MessagePage, MessagePageTag
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
    "SignOffRequiredParentMixin",
    "SignOffTaskState",
]
