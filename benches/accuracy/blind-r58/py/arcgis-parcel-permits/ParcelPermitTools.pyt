# -*- coding: utf-8 -*-
"""ArcGIS Pro Python toolbox: publish the parcels covered by a building permit to Postgres."""

import os
import sys

import arcpy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import parcel_db  # noqa: E402
import permit_api  # noqa: E402


class Toolbox:
    def __init__(self):
        self.label = "Parcel Permit Tools"
        self.alias = "parcelpermits"
        self.tools = [PublishPermitParcels]


class PublishPermitParcels:
    def __init__(self):
        self.label = "Publish Permit Parcels"
        self.description = (
            "Validates a permit number against the county permitting system and publishes "
            "the selected parcels to the permits PostGIS schema."
        )
        self.canRunInBackground = False

    def getParameterInfo(self):
        parcels = arcpy.Parameter(
            displayName="Parcel layer",
            name="parcels",
            datatype="GPFeatureLayer",
            parameterType="Required",
            direction="Input",
        )
        parcels.filter.list = ["Polygon"]

        permit = arcpy.Parameter(
            displayName="Permit number",
            name="permit",
            datatype="GPString",
            parameterType="Required",
            direction="Input",
        )

        schema = arcpy.Parameter(
            displayName="Target schema",
            name="schema",
            datatype="GPString",
            parameterType="Optional",
            direction="Input",
        )
        schema.value = "permits"
        return [parcels, permit, schema]

    def isLicensed(self):
        return True

    def updateParameters(self, parameters):
        if parameters[1].altered and parameters[1].valueAsText:
            parameters[1].value = parameters[1].valueAsText.strip().upper()
        return

    def updateMessages(self, parameters):
        permit = parameters[1]
        if permit.altered and permit.valueAsText:
            status = permit_api.check_permit(permit.valueAsText)
            if status is None:
                permit.setErrorMessage("Permit not found in the permitting system")
            elif status == "UNREACHABLE":
                permit.setWarningMessage("Permitting system unreachable; status not verified")
            elif status != "ISSUED":
                permit.setWarningMessage(f"Permit status is {status}")
        return

    def execute(self, parameters, messages):
        layer = parameters[0].valueAsText
        permit = parameters[1].valueAsText
        schema = parameters[2].valueAsText or "permits"

        owner = permit_api.permit_owner(permit)
        messages.addMessage(f"Permit {permit} issued to {owner or 'unknown owner'}")

        count = parcel_db.load_parcels(layer, permit, schema, messages)
        messages.addMessage(f"Published {count} parcels for permit {permit}")
        return

    def postExecute(self, parameters):
        return
