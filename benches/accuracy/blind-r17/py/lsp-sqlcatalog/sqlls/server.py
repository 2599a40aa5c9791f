import logging

from lsprotocol import types
from pygls.server import LanguageServer

from sqlls import features

server = LanguageServer("sql-catalog-ls", "v0.3.0")

# Handlers live in features.py; wire them to LSP methods here.
server.feature(types.TEXT_DOCUMENT_DID_OPEN)(features.did_open)
server.feature(types.TEXT_DOCUMENT_DID_SAVE)(features.did_save)
server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=[".", " "]),
)(features.completions)
server.feature(types.TEXT_DOCUMENT_HOVER)(features.hover)


def main():
    logging.basicConfig(filename="/tmp/sqlls.log", level=logging.INFO)
    server.start_io()


if __name__ == "__main__":
    main()
