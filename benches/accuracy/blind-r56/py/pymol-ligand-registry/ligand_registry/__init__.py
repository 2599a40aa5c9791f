"""PyMOL plugin: Ligand Registry.

Install through Plugin > Plugin Manager > Install New Plugin (choose this
directory). PyMOL calls __init_plugin__ once when it loads the plugin; the
commands registered here are then run each time the user types them.
"""
from pymol import cmd

from .registry import load_ligand, pubchem_name, reg_ligand, registry_pool


def __init_plugin__(app=None):
    cmd.extend("reg_ligand", reg_ligand)
    cmd.extend("load_ligand", load_ligand)
    cmd.extend("pubchem_name", pubchem_name)
    cmd.auto_arg[0]["reg_ligand"] = cmd.auto_arg[0]["zoom"]

    from pymol.plugins import addmenuitemqt

    addmenuitemqt("Ligand Registry", open_dialog)


_dialog = None


def open_dialog():
    """Small Qt dialog listing the latest registrations (one dialog per session)."""
    global _dialog
    from pymol.Qt import QtWidgets

    if _dialog is None:
        _dialog = QtWidgets.QDialog()
        _dialog.setWindowTitle("Ligand Registry")
        layout = QtWidgets.QVBoxLayout(_dialog)
        _dialog.listing = QtWidgets.QListWidget()
        reload_button = QtWidgets.QPushButton("Reload")
        reload_button.clicked.connect(_reload_listing)
        layout.addWidget(_dialog.listing)
        layout.addWidget(reload_button)
    _reload_listing()
    _dialog.show()


def _reload_listing():
    with registry_pool().connection() as conn:
        rows = conn.execute(
            "SELECT code, project, registered_at FROM ligands ORDER BY registered_at DESC LIMIT 50"
        ).fetchall()
    _dialog.listing.clear()
    for code, project, at in rows:
        _dialog.listing.addItem(f"{code}  {project or '-'}  {at:%Y-%m-%d}")
