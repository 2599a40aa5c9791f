import { action, KeyDownEvent, SingletonAction } from '@elgato/streamdeck';
import { getRosterDb } from '../clients';

type OnCallSettings = { rotation?: string };

@action({ UUID: 'com.acme.opsdeck.oncall' })
export class OnCall extends SingletonAction<OnCallSettings> {
  override async onKeyDown(ev: KeyDownEvent<OnCallSettings>): Promise<void> {
    const rotation = ev.payload.settings.rotation ?? 'platform-primary';
    const { rows } = await getRosterDb().query<{ handle: string }>(
      `SELECT p.handle
         FROM shifts s JOIN people p ON p.id = s.person_id
        WHERE s.rotation = $1 AND now() >= s.starts_at AND now() < s.ends_at
        LIMIT 1`,
      [rotation],
    );
    await ev.action.setTitle(rows.length ? `@${rows[0].handle}` : 'nobody!');
  }
}
