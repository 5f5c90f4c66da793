"""Small helpers that read configuration from the environment.

Every setting that differs between machines comes from an environment variable;
README.md and .env.example document each one.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def read_dotenv(path):
    """Put the `NAME=value` lines of the file at `path` into the environment (development only).

    A missing file is fine. Variables already set in the environment win over the file. Blank lines
    and `#` comments are skipped; an `export ` prefix and quotes around the value are dropped.
    Production never calls this: there, variables come from the process manager.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, value = line.removeprefix("export ").split("=", 1)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        os.environ.setdefault(name.strip(), value)


def env(name, default=None):
    return os.environ.get(name, default)


def env_required(name):
    """Return the variable's value, or stop start-up with a message that names it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set in production (see .env.example)."
        )
    return value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), not {value!r}.")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name, default=()):
    """A comma-separated list; blanks are dropped."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def client_ip_settings(trusted_proxy_count):
    """django-axes' client-address settings (django-ipware) for our number of reverse proxies.

    Without a proxy of ours (0, the default) only REMOTE_ADDR counts: an X-Forwarded-For header
    could be written by anyone. With N proxies, each appends the address it received the request
    from to X-Forwarded-For, so the client is the N-th entry from the right: ipware counts the
    proxies listed in the header, which excludes the last one (that is REMOTE_ADDR), hence N - 1.
    Entries further left were sent by the client and are ignored (non-strict: they may exist).
    """
    if trusted_proxy_count < 0:
        raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")
    if trusted_proxy_count == 0:
        return {
            "AXES_IPWARE_META_PRECEDENCE_ORDER": ("REMOTE_ADDR",),
            "AXES_IPWARE_PROXY_COUNT": None,
            "IPWARE_STRICT": True,
        }
    return {
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
        "AXES_IPWARE_PROXY_COUNT": trusted_proxy_count - 1,
        "IPWARE_STRICT": False,
    }
