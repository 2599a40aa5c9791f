"""The ``api-status`` directive and its placeholder node."""
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective


class api_status_node(nodes.General, nodes.Element):
    """Placeholder replaced during doctree-resolved with live data."""


class ApiStatusDirective(SphinxDirective):
    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = False
    option_spec = {
        "class": directives.class_option,
    }

    def run(self):
        endpoint = self.arguments[0].strip()
        if not endpoint.startswith("/"):
            raise self.error(f"api-status expects a path starting with '/', got {endpoint!r}")
        node = api_status_node()
        node["endpoint"] = endpoint
        node["classes"] += self.options.get("class", [])
        self.set_source_info(node)
        return [node]


def visit_api_status_html(self, node):
    # Only reached if doctree-resolved did not replace the node (e.g. a
    # builder that skips resolution); render the endpoint as plain code.
    self.body.append(self.starttag(node, "code", CLASS="apistatus-pending"))
    self.body.append(self.encode(node["endpoint"]))


def depart_api_status_html(self, node):
    self.body.append("</code>")
