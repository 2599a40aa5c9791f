"""Python-Markdown extension: turns ``[[OPS-1234]]`` into a link with the ticket's status.

``handleMatch`` runs once per ticket reference in every document converted;
the lookup callable it uses is passed in through the extension config.
"""
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

TICKET_PATTERN = r"\[\[(?P<key>[A-Z][A-Z0-9]+-\d+)\]\]"


class TicketInlineProcessor(InlineProcessor):
    def __init__(self, pattern, md, lookup, base_url):
        super().__init__(pattern, md)
        self.lookup = lookup
        self.base_url = base_url

    def handleMatch(self, m, data):
        key = m.group("key")
        info = self.lookup(key) or {}
        el = etree.Element("a")
        el.set("href", f"{self.base_url}/browse/{key}")
        el.set("class", f"ticket ticket-{info.get('status', 'unknown').lower().replace(' ', '-')}")
        el.text = f"{key}: {info['summary']}" if info.get("summary") else key
        return el, m.start(0), m.end(0)


class TicketExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lookup": [lambda key: None, "callable(key) -> dict with summary/status"],
            "base_url": ["https://tickets.example.com", "ticket tracker base URL"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        processor = TicketInlineProcessor(TICKET_PATTERN, md, self.getConfig("lookup"), self.getConfig("base_url"))
        md.inlinePatterns.register(processor, "ticket_ref", 175)
