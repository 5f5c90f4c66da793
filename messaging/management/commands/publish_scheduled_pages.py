"""Wagtail's old name for publish_scheduled: the same checks as ours (messaging sign-off)."""

from .publish_scheduled import Command as PublishScheduled


class Command(PublishScheduled):
    pass
