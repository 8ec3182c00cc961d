"""Machine translation leaves the glossary's proper names alone, whatever the engine."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from wagtail.models import Locale
from wagtail_localize.strings import StringValue

from config.settings.base import machine_translator
from core.machine_translation import GlossaryTranslator

pytestmark = pytest.mark.django_db


def translator(setting):
    return GlossaryTranslator(setting["OPTIONS"])


def test_the_environment_chooses_the_engine(monkeypatch):
    monkeypatch.delenv("XARXA_DEEPL_KEY", raising=False)
    monkeypatch.delenv("XARXA_LIBRETRANSLATE_URL", raising=False)
    assert machine_translator(allow_dummy=True)["OPTIONS"]["ENGINE"].endswith("DummyTranslator")
    assert machine_translator(allow_dummy=False) is None  # production: no dummy
    monkeypatch.setenv("XARXA_LIBRETRANSLATE_URL", "http://127.0.0.1:5000/")
    setting = machine_translator(allow_dummy=False)
    assert setting["OPTIONS"]["ENGINE"].endswith("LibreTranslator")
    assert setting["OPTIONS"]["ENGINE_OPTIONS"]["LIBRETRANSLATE_URL"] == "http://127.0.0.1:5000"
    monkeypatch.setenv("XARXA_DEEPL_KEY", "key:fx")
    assert machine_translator(allow_dummy=False)["OPTIONS"]["ENGINE"].endswith("DeepLTranslator")


def test_the_dummy_engine_reverses_words_but_not_proper_names(demo, monkeypatch):
    monkeypatch.delenv("XARXA_DEEPL_KEY", raising=False)
    monkeypatch.delenv("XARXA_LIBRETRANSLATE_URL", raising=False)
    engine = translator(machine_translator(allow_dummy=True))
    source = StringValue.from_plaintext("The conference in Porto Alegre and Cascais")
    [result] = engine.translate(
        Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ca"), [source]
    ).values()
    words = result.render_text()
    assert "Porto Alegre" in words and "Cascais" in words
    assert words.startswith("Cascais and Porto Alegre")  # the other words were reversed


class FakeLibreTranslate(BaseHTTPRequestHandler):
    """Answers like LibreTranslate: uppercases text outside tags, as a new language would."""

    received = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).received.append(body)
        import re

        out = [
            re.sub(r"(^|>)([^<]*)", lambda m: m.group(1) + m.group(2).upper(), q) for q in body["q"]
        ]
        payload = json.dumps({"translatedText": out}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


def test_libretranslate_never_receives_the_names(demo, monkeypatch):
    server = HTTPServer(("127.0.0.1", 0), FakeLibreTranslate)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.delenv("XARXA_DEEPL_KEY", raising=False)
        monkeypatch.setenv("XARXA_LIBRETRANSLATE_URL", f"http://127.0.0.1:{server.server_port}")
        engine = translator(machine_translator(allow_dummy=False))
        source = StringValue('Welcome to <a id="a1">Cascais</a>, says the OIDP')
        [result] = engine.translate(
            Locale.objects.get(language_code="en"), Locale.objects.get(language_code="pt"), [source]
        ).values()
    finally:
        server.shutdown()
    [request] = FakeLibreTranslate.received
    assert "Cascais" not in json.dumps(request) and "OIDP" not in json.dumps(request)
    assert request["format"] == "html" and request["target"] == "pt"
    assert result.data == 'WELCOME TO <a id="a1">Cascais</a>, SAYS THE OIDP'
