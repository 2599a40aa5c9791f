import type {
  API,
  Characteristic,
  DynamicPlatformPlugin,
  Logging,
  PlatformAccessory,
  PlatformConfig,
  Service,
} from 'homebridge';
import { MongoClient } from 'mongodb';
import { Agent } from 'undici';
import { PLATFORM_NAME, PLUGIN_NAME } from './settings';
import { SensorAccessory, type DeviceConfig } from './sensorAccessory';

export class GreenhousePlatform implements DynamicPlatformPlugin {
  public readonly Service: typeof Service;
  public readonly Characteristic: typeof Characteristic;
  public readonly accessories: PlatformAccessory[] = [];
  public readonly agent: Agent;
  private readonly handlers: SensorAccessory[] = [];
  private archiveTimer?: NodeJS.Timeout;

  constructor(
    public readonly log: Logging,
    public readonly config: PlatformConfig,
    public readonly api: API,
  ) {
    this.Service = api.hap.Service;
    this.Characteristic = api.hap.Characteristic;
    this.agent = new Agent({ keepAliveTimeout: 10_000, connections: 4 });

    this.api.on('didFinishLaunching', () => {
      this.discoverDevices();
      this.archiveTimer = setInterval(() => void this.archiveReadings(), 5 * 60_000);
    });

    this.api.on('shutdown', () => {
      if (this.archiveTimer) {
        clearInterval(this.archiveTimer);
      }
      void this.agent.close();
    });
  }

  configureAccessory(accessory: PlatformAccessory): void {
    this.accessories.push(accessory);
  }

  private discoverDevices(): void {
    const devices = (this.config.devices ?? []) as DeviceConfig[];
    for (const device of devices) {
      const uuid = this.api.hap.uuid.generate(device.id);
      let accessory = this.accessories.find((a) => a.UUID === uuid);
      if (!accessory) {
        accessory = new this.api.platformAccessory(device.name, uuid);
        accessory.context.device = device;
        this.api.registerPlatformAccessories(PLUGIN_NAME, PLATFORM_NAME, [accessory]);
      }
      this.handlers.push(new SensorAccessory(this, accessory));
    }
  }

  private async archiveReadings(): Promise<void> {
    const snapshot = this.handlers.map((h) => h.lastReading()).filter((r) => r !== undefined);
    if (snapshot.length === 0) {
      return;
    }
    const client = new MongoClient(this.config.mongoUrl as string, { serverSelectionTimeoutMS: 5_000 });
    try {
      await client.connect();
      await client.db('greenhouse').collection('readings').insertMany(snapshot);
      this.log.debug(`archived ${snapshot.length} readings`);
    } catch (err) {
      this.log.warn(`archive failed: ${(err as Error).message}`);
    } finally {
      await client.close();
    }
  }
}
