from html import escape

from Page import Page

from catalogdb import list_parts


class Main(Page):
    """Category listing: /Catalog/?category=bearings"""

    def title(self):
        return 'Parts catalog'

    def writeContent(self):
        category = self.request().field('category', 'bearings')
        self.writeln(f'<h1>{escape(category.title())}</h1>')
        self.writeln('<table class="parts">')
        for part in list_parts(category):
            self.writeln(
                f'<tr><td><a href="Part?sku={escape(part["sku"])}">'
                f'{escape(part["sku"])}</a></td>'
                f'<td>{escape(part["name"])}</td>'
                f'<td>{part["unit_price"]:.2f}</td></tr>')
        self.writeln('</table>')
