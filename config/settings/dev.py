"""Local development: the embedded set-up `make run` serves."""

from config.env import env

from .base import *  # noqa: F403

DEBUG = True
# An obviously fake key: development only, never used by production.py.
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["*"]
