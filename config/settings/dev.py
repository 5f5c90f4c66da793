"""Local development: the embedded set-up `make run` serves."""

from pathlib import Path

from config.env import env, read_dotenv

# The .env file beside manage.py (copied from .env.example), read before the shared settings read
# the environment. Development only: production and the test suite never read it.
read_dotenv(Path(__file__).resolve().parent.parent.parent / ".env")

from .base import *  # noqa: E402, F403

DEBUG = True
# An obviously fake key: development only, never used by production.py.
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["*"]
