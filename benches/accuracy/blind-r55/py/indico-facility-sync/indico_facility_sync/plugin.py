from requests import RequestException
from wtforms.fields import BooleanField, StringField, URLField
from wtforms.validators import DataRequired, Optional

from indico.core import signals
from indico.core.plugins import IndicoPlugin
from indico.util.i18n import _
from indico.web.forms.base import IndicoForm
from indico.web.forms.fields import IndicoPasswordField
from indico.web.forms.widgets import SwitchWidget

from indico_facility_sync import client
from indico_facility_sync.blueprint import blueprint

RELEVANT_CHANGES = {'title', 'start_dt', 'end_dt', 'location_data'}


class SettingsForm(IndicoForm):
    enabled = BooleanField(_('Enabled'), widget=SwitchWidget())
    api_url = URLField(_('API URL'), [DataRequired()], description=_('Base URL of the facility booking API'))
    api_token = IndicoPasswordField(_('API token'), [DataRequired()], toggle=True)
    rooms_db_url = StringField(_('Room mapping DB'), [Optional()],
                               description=_('SQLAlchemy URL of the facility room mapping database'))


class FacilitySyncPlugin(IndicoPlugin):
    """Facility booking sync

    Mirrors event dates and rooms into the facility management booking system.
    """

    configurable = True
    settings_form = SettingsForm
    default_settings = {'enabled': False, 'api_url': '', 'api_token': '', 'rooms_db_url': ''}
    default_event_settings = {'booking_id': None}

    def init(self):
        super().init()
        self.connect(signals.event.created, self._event_created)
        self.connect(signals.event.updated, self._event_updated)
        self.connect(signals.event.deleted, self._event_deleted)

    def get_blueprints(self):
        return blueprint

    def _event_created(self, event, cloning=False, **kwargs):
        self._sync(event)

    def _event_updated(self, event, changes, **kwargs):
        if RELEVANT_CHANGES & set(changes):
            self._sync(event)

    def _event_deleted(self, event, **kwargs):
        booking_id = self.event_settings.get(event, 'booking_id')
        if not booking_id or not self.settings.get('enabled'):
            return
        try:
            client.cancel_booking(self.settings.get('api_url'), self.settings.get('api_token'), booking_id)
        except RequestException:
            self.logger.exception('Could not cancel facility booking %s for event %d', booking_id, event.id)

    def _sync(self, event):
        if not self.settings.get('enabled') or event.room is None:
            return
        room_code = None
        if self.settings.get('rooms_db_url'):
            room_code = client.facility_room_code(self.settings.get('rooms_db_url'), event.room.id)
        if room_code is None:
            self.logger.info('Room %s of event %d is not managed by facilities', event.room.full_name, event.id)
            return
        payload = {
            'room': room_code,
            'title': event.title,
            'start': event.start_dt.isoformat(),
            'end': event.end_dt.isoformat(),
            'reference': f'indico:{event.id}',
            'url': event.external_url,
        }
        try:
            booking_id = client.push_booking(self.settings.get('api_url'), self.settings.get('api_token'),
                                             payload, self.event_settings.get(event, 'booking_id'))
        except RequestException:
            self.logger.exception('Facility booking sync failed for event %d', event.id)
            return
        self.event_settings.set(event, 'booking_id', booking_id)
