"""Terminator plugin: team shell snippets in the terminal context menu.

Copy to ~/.config/terminator/plugins/ and enable it under
Preferences > Plugins. Terminator's PluginRegistry instantiates each class
listed in AVAILABLE once when plugins are loaded; callback() is then called
on that single instance every time a terminal's context menu is opened.
"""
import logging
import os

import requests
from gi.repository import Gtk
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

import terminatorlib.plugin as plugin

AVAILABLE = ["TeamSnippets"]

log = logging.getLogger("terminator.snippets")

SNIPPETS_DB = os.environ.get("SNIPPETS_DB", "postgresql+psycopg2://snippets@db.internal/snippets")
SNIPPETS_API = os.environ.get("SNIPPETS_API", "https://snippets.internal/api")


def make_engine():
    return create_engine(SNIPPETS_DB, pool_size=2, max_overflow=0, pool_pre_ping=True)


class TeamSnippets(plugin.MenuItem):
    capabilities = ["terminal_menu"]

    def __init__(self):
        plugin.MenuItem.__init__(self)
        # One instance per Terminator process: these live as long as it does.
        self.engine = make_engine()
        self.Session = sessionmaker(self.engine)
        self.http = requests.Session()
        self.http.headers["User-Agent"] = "terminator-snippets/0.3"

    def callback(self, menuitems, menu, terminal):
        """Build the Snippets submenu; runs on every right-click."""
        item = Gtk.MenuItem.new_with_mnemonic("_Snippets")
        submenu = Gtk.Menu()

        with self.Session() as session:
            rows = session.execute(
                text("SELECT id, title FROM snippets WHERE archived = false ORDER BY use_count DESC LIMIT 25")
            ).all()

        for snippet_id, title in rows:
            entry = Gtk.MenuItem(label=title)
            entry.connect("activate", self.on_insert, terminal, snippet_id)
            submenu.append(entry)

        submenu.append(Gtk.SeparatorMenuItem())
        sync = Gtk.MenuItem(label="Sync from server")
        sync.connect("activate", self.on_sync)
        submenu.append(sync)

        item.set_submenu(submenu)
        menuitems.append(item)

    def on_insert(self, _widget, terminal, snippet_id):
        with self.Session.begin() as session:
            body = session.execute(
                text("UPDATE snippets SET use_count = use_count + 1 WHERE id = :id RETURNING body"),
                {"id": snippet_id},
            ).scalar_one()
        terminal.vte.feed_child(body.encode("utf-8"))

    def on_sync(self, _widget):
        try:
            resp = self.http.get(f"{SNIPPETS_API}/snippets", timeout=10)
            resp.raise_for_status()
        except requests.RequestException:
            log.exception("snippet sync failed")
            return
        with self.Session.begin() as session:
            for snip in resp.json():
                session.execute(
                    text(
                        "INSERT INTO snippets (id, title, body, archived) VALUES (:id, :title, :body, :archived) "
                        "ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, "
                        "archived = EXCLUDED.archived"
                    ),
                    snip,
                )

    def unload(self):
        self.http.close()
        self.engine.dispose()
