"""The sign-off's domain exceptions. Imports nothing, so every layer can raise and catch them."""


class SignOffRequired(Exception):
    """Raised when something tries to make a page under sign-off live without a complete sign-off.

    Not a PermissionDenied: Wagtail's admin would turn that into a bare "no permission" redirect.
    messaging.middleware shows this message to the person instead.
    """


class SignOffRefused(SignOffRequired):
    """A sign-off or change request that the rules do not allow; the message says why."""
