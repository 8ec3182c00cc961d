"""The machine translator wagtail-localize offers in its editor: the engine chosen by
the environment (see config.settings.base), behind the network's glossary."""

from django.utils.module_loading import import_string
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from core.domain import glossary


class GlossaryTranslator(BaseMachineTranslator):
    def __init__(self, options):
        super().__init__(options)
        self.engine = import_string(options["ENGINE"])(options.get("ENGINE_OPTIONS", {}))
        self.display_name = self.engine.display_name

    def translate(self, source_locale, target_locale, strings):
        compiled = glossary.pattern(glossary.terms())
        strings = list(strings)
        hidden = []
        for string in strings:
            html, found = glossary.protect(string.data, compiled)
            hidden.append((string, StringValue(html), found))
        results = self.engine.translate(source_locale, target_locale, [h for _s, h, _f in hidden])
        return {
            string: StringValue(glossary.restore(results[protected].data, found))
            for string, protected, found in hidden
        }

    def can_translate(self, source_locale, target_locale):
        return self.engine.can_translate(source_locale, target_locale)
