from flask import jsonify
from requests import RequestException
from werkzeug.exceptions import NotFound

from indico.core.plugins import IndicoPluginBlueprint
from indico.modules.events.management.controllers.base import RHManageEventBase

from indico_facility_sync import client


class RHFacilityBookingStatus(RHManageEventBase):
    """Show the facility booking that mirrors this event (management area)."""

    def _process(self):
        from indico_facility_sync.plugin import FacilitySyncPlugin

        booking_id = FacilitySyncPlugin.event_settings.get(self.event, 'booking_id')
        if not booking_id:
            raise NotFound('This event has no facility booking')
        try:
            booking = client.fetch_booking(FacilitySyncPlugin.settings.get('api_url'),
                                           FacilitySyncPlugin.settings.get('api_token'),
                                           booking_id)
        except RequestException as exc:
            return jsonify(booking_id=booking_id, error=str(exc)), 502
        return jsonify(
            booking_id=booking_id,
            room=booking.get('room'),
            status=booking.get('status'),
            start=booking.get('start'),
            end=booking.get('end'),
        )


class RHFacilityResync(RHManageEventBase):
    """Force a re-sync of the booking (button in the event management menu)."""

    def _process(self):
        from indico_facility_sync.plugin import FacilitySyncPlugin

        FacilitySyncPlugin.instance._sync(self.event)
        return jsonify(booking_id=FacilitySyncPlugin.event_settings.get(self.event, 'booking_id'))


blueprint = IndicoPluginBlueprint('facility_sync', __name__,
                                  url_prefix='/event/<int:event_id>/manage/facility-sync')
blueprint.add_url_rule('/status', 'status', RHFacilityBookingStatus)
blueprint.add_url_rule('/resync', 'resync', RHFacilityResync, methods=('POST',))
