"""Development settings read a .env file; production and the test suite never do."""

import importlib
import os
import sys
from pathlib import Path
from unittest import mock

import pytest

from config.env import read_dotenv

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["TF_PLAIN", "TF_QUOTED", "TF_SINGLE", "TF_EXPORTED", "TF_WITH_EQUALS", "TF_ALREADY_SET", "TF_EMPTY"]


@pytest.fixture
def clean_names(monkeypatch):
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_read_dotenv_sets_variables_and_never_overrides_the_environment(clean_names, tmp_path):
    clean_names.setenv("TF_ALREADY_SET", "from the environment")
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        "# a comment\n"
        "\n"
        "TF_PLAIN=plain\n"
        'TF_QUOTED="two words"\n'
        "TF_SINGLE='single'\n"
        "export TF_EXPORTED=exported\n"
        "TF_WITH_EQUALS=postgres://u:p@host/db?a=b\n"
        "TF_ALREADY_SET=from the file\n"
        "TF_EMPTY=\n"
        "not a variable line\n",
        encoding="utf-8",
    )
    read_dotenv(dotenv)
    assert {name: os.environ.get(name) for name in NAMES} == {
        "TF_PLAIN": "plain",
        "TF_QUOTED": "two words",
        "TF_SINGLE": "single",
        "TF_EXPORTED": "exported",
        "TF_WITH_EQUALS": "postgres://u:p@host/db?a=b",
        "TF_ALREADY_SET": "from the environment",
        "TF_EMPTY": "",
    }


def test_read_dotenv_without_a_file_changes_nothing(tmp_path):
    before = dict(os.environ)
    read_dotenv(tmp_path / "missing.env")
    assert dict(os.environ) == before


@pytest.mark.parametrize(
    ("module", "reads"),
    [("config.settings.dev", True), ("config.settings.production", False), ("config.settings.test", False)],
)
def test_only_development_settings_read_the_dotenv_beside_manage_py(module, reads, monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "k3v!q9x#Lr2@pZ7m$Wn4&Tb8^Yc6*Hd1(Jf5)Gs0-Ea_Ru+Io=Pl~Kk")
    monkeypatch.setenv("ALLOWED_HOSTS", "taskforce.example.org")
    with mock.patch("config.env.read_dotenv") as read:
        if module in sys.modules:
            importlib.reload(sys.modules[module])
        else:
            importlib.import_module(module)
    assert read.call_args_list == ([mock.call(ROOT / ".env")] if reads else [])
