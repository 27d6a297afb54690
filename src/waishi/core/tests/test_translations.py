"""Translations: every string in Simplified and Traditional Chinese, and Traditional in step
with Simplified through OpenCC and the glossary."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from waishi.core.chinese import to_traditional

IN_CI = os.environ.get("CI", "").lower() == "true"

ROOT = Path(settings.PACKAGE_DIR)
SIMPLIFIED = sorted(ROOT.glob("*/locale/zh_Hans/LC_MESSAGES/django.po"))


def test_every_app_with_strings_has_catalogues():
    assert SIMPLIFIED, "no zh_Hans catalogue found"
    for simplified in SIMPLIFIED:
        assert (simplified.parents[2] / "zh_Hant/LC_MESSAGES/django.po").exists(), simplified


@pytest.mark.parametrize("path", SIMPLIFIED, ids=lambda p: p.parts[-5])
def test_simplified_and_traditional_are_complete_and_in_step(path):
    simplified = polib.pofile(str(path))
    traditional = polib.pofile(str(path.parents[2] / "zh_Hant/LC_MESSAGES/django.po"))
    untranslated = [e.msgid for e in simplified.untranslated_entries() + simplified.fuzzy_entries()]
    assert not untranslated, f"untranslated in zh_Hans: {untranslated[:10]}"
    by_id = {(e.msgctxt, e.msgid): e for e in traditional}
    stale = []
    for entry in simplified:
        if entry.obsolete:
            continue
        twin = by_id.get((entry.msgctxt, entry.msgid))
        expected = to_traditional(entry.msgstr) if not entry.msgid_plural else None
        if twin is None or (expected is not None and twin.msgstr != expected):
            stale.append(entry.msgid)
    assert not stale, f"zh_Hant lags behind zh_Hans (run waishi make_translations): {stale[:10]}"


def test_glossary_terms_win_over_opencc_defaults():
    assert to_traditional("签注") == "簽注"
    assert to_traditional("港澳台") == "港澳台"
    assert to_traditional("肇庆市外事侨务局") == "肇慶市外事僑務局"


@pytest.mark.django_db
def test_compiled_catalogues_are_used(client):
    with translation.override("zh-hant"):
        assert translation.gettext("Sign in") == "登錄"
    with translation.override("zh-hans"):
        assert translation.gettext("Sign in") == "登录"


@pytest.mark.skipif(
    not shutil.which("xgettext") and not IN_CI, reason="GNU gettext is needed to extract strings"
)
@pytest.mark.parametrize("path", SIMPLIFIED, ids=lambda p: p.parts[-5])
def test_catalogues_hold_every_string_of_the_source(path, tmp_path):
    """makemessages on a copy of the app finds no string the catalogue lacks."""
    app_dir = path.parents[3]
    copy = tmp_path / app_dir.name
    shutil.copytree(app_dir, copy, ignore=shutil.ignore_patterns("tests", "__pycache__"))
    subprocess.run(
        [
            sys.executable,
            # The copied app's own modules (e.g. a rules.py) must not shadow installed ones.
            "-P",
            "-m",
            "django",
            "makemessages",
            "-l",
            "zh_Hans",
            "--no-obsolete",
            "-v",
            "0",
        ],
        cwd=copy,
        check=True,
        env={
            "DJANGO_SETTINGS_MODULE": "waishi.settings.test",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": ":".join(sys.path),
        },
    )
    fresh = polib.pofile(str(copy / "locale/zh_Hans/LC_MESSAGES/django.po"))
    ours = {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}
    new = sorted(e.msgid for e in fresh if (e.msgctxt, e.msgid) not in ours)
    assert not new, f"run `waishi make_translations --app {app_dir.name}`: {new[:10]}"
