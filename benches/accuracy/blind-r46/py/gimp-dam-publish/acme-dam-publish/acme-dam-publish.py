#!/usr/bin/env python3
import os
import sys
import tempfile

import gi

gi.require_version("Gimp", "3.0")
from gi.repository import Gimp, Gio, GLib  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dam  # noqa: E402

PROC_NAME = "acme-dam-publish"


class AcmeDamPublish(Gimp.PlugIn):
    def do_query_procedures(self):
        return [PROC_NAME]

    def do_create_procedure(self, name):
        procedure = Gimp.ImageProcedure.new(self, name, Gimp.PDBProcType.PLUGIN, self.run, None)
        procedure.set_image_types("*")
        procedure.set_menu_label("Publish to DAM")
        procedure.add_menu_path("<Image>/Filters/Acme/")
        procedure.set_documentation(
            "Publish the image to the Acme DAM",
            "Exports a flattened PNG, uploads it and registers a new asset version.",
            name,
        )
        procedure.set_attribution("Acme Creative Ops", "Acme", "2025")
        return procedure

    def run(self, procedure, run_mode, image, drawables, config, run_data):
        xcf = image.get_file()
        if xcf is None:
            return procedure.new_return_values(
                Gimp.PDBStatusType.CALLING_ERROR,
                GLib.Error.new_literal(Gimp.PlugIn.error_quark(), "Save the image first", 0),
            )
        asset_code = os.path.splitext(xcf.get_basename())[0]

        out_path = os.path.join(tempfile.mkdtemp(prefix="acme-dam-"), f"{asset_code}.png")
        export = image.duplicate()
        export.flatten()
        Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, export, Gio.File.new_for_path(out_path), None)
        export.delete()

        version = dam.publish(out_path, asset_code, os.environ.get("USER", "designer"))
        Gimp.message(f"{asset_code} published as v{version}")
        return procedure.new_return_values(Gimp.PDBStatusType.SUCCESS, GLib.Error())


Gimp.main(AcmeDamPublish.__gtype__, sys.argv)
