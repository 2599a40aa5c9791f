class PlainFormatter:
    def render(self, msg):
        return f"{msg['title']}\n\n{msg['body']}"


class MarkdownFormatter:
    def render(self, msg):
        return f"*{msg['title']}*\n{msg['body']}"
