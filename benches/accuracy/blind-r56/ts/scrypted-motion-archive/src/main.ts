import sdk, {
  Camera,
  EventListenerRegister,
  HttpRequest,
  HttpRequestHandler,
  HttpResponse,
  ScryptedDeviceBase,
  ScryptedInterface,
  Setting,
  Settings,
  SettingValue,
} from '@scrypted/sdk';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Pool } from 'pg';
import { getEventsPool, recordMotion } from './events';

const { systemManager, mediaManager, endpointManager } = sdk;

class MotionArchive extends ScryptedDeviceBase implements HttpRequestHandler, Settings {
  private listeners: EventListenerRegister[] = [];

  constructor(nativeId?: string) {
    super(nativeId);
    this.watchCameras();
    endpointManager.getPublicLocalEndpoint(this.nativeId)
      .then(url => this.console.log('history API at', url))
      .catch(() => {});
  }

  private setting(key: string, fallback = ''): string {
    return this.storage.getItem(key) || fallback;
  }

  async getSettings(): Promise<Setting[]> {
    return [
      { key: 'databaseUrl', title: 'Postgres URL', value: this.setting('databaseUrl') },
      { key: 'bucket', title: 'S3 Bucket', value: this.setting('bucket') },
      { key: 'region', title: 'S3 Region', value: this.setting('region', 'eu-west-1') },
      { key: 'accessKeyId', title: 'Access Key', value: this.setting('accessKeyId') },
      { key: 'secretAccessKey', title: 'Secret Key', type: 'password', value: this.setting('secretAccessKey') },
    ];
  }

  async putSetting(key: string, value: SettingValue): Promise<void> {
    this.storage.setItem(key, value?.toString() ?? '');
    this.onDeviceEvent(ScryptedInterface.Settings, undefined);
  }

  private watchCameras() {
    this.listeners.forEach(l => l.removeListener());
    this.listeners = [];
    const state = systemManager.getSystemState();
    for (const id of Object.keys(state)) {
      const device = systemManager.getDeviceById<Camera>(id);
      if (!device?.interfaces?.includes(ScryptedInterface.MotionSensor)) continue;
      if (!device.interfaces.includes(ScryptedInterface.Camera)) continue;
      const register = device.listen(ScryptedInterface.MotionSensor, (_source, _details, motion) => {
        if (!motion) return;
        this.archiveSnapshot(id, device.name).catch(e => this.console.error('archive failed', e));
      });
      this.listeners.push(register);
    }
    this.console.log(`watching ${this.listeners.length} cameras`);
  }

  private async archiveSnapshot(deviceId: string, cameraName: string) {
    const camera = systemManager.getDeviceById<Camera>(deviceId);
    const picture = await camera.takePicture({ reason: 'event' });
    const jpeg = await mediaManager.convertMediaObjectToBuffer(picture, 'image/jpeg');
    const key = `motion/${deviceId}/${Date.now()}.jpg`;

    const s3 = new S3Client({
      region: this.setting('region', 'eu-west-1'),
      credentials: {
        accessKeyId: this.setting('accessKeyId'),
        secretAccessKey: this.setting('secretAccessKey'),
      },
    });
    await s3.send(new PutObjectCommand({
      Bucket: this.setting('bucket'),
      Key: key,
      Body: jpeg,
      ContentType: 'image/jpeg',
    }));

    await recordMotion(getEventsPool(this.setting('databaseUrl')), {
      deviceId,
      cameraName,
      objectKey: key,
      bytes: jpeg.length,
    });
  }

  async onRequest(request: HttpRequest, response: HttpResponse): Promise<void> {
    const url = new URL(request.url!, 'http://localhost');
    const camera = url.searchParams.get('camera');
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), 500);

    const pool = new Pool({
      connectionString: this.setting('databaseUrl'),
      max: 4,
      idleTimeoutMillis: 10_000,
    });
    const { rows } = await pool.query(
      `SELECT device_id, camera_name, object_key, bytes, created_at
         FROM motion_events
        WHERE ($1::text IS NULL OR device_id = $1)
        ORDER BY created_at DESC
        LIMIT $2`,
      [camera, limit],
    );

    response.send(JSON.stringify({ events: rows }), {
      headers: { 'Content-Type': 'application/json' },
    });
  }
}

export default MotionArchive;
