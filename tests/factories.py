"""Factories for people, whatever app a test is about (agencies and roles: tests/partners/factories.py)."""

import factory
from django.contrib.auth import get_user_model

PASSWORD = "correct horse battery staple"  # every factory user's password


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.Sequence(lambda n: f"First{n}")
    last_name = "Person"
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True
