import type { CharacteristicValue, PlatformAccessory, Service } from 'homebridge';
import { Pool, request } from 'undici';
import type { GreenhousePlatform } from './platform';

export interface DeviceConfig {
  id: string;
  name: string;
  baseUrl: string;
}

interface Reading {
  deviceId: string;
  temperature: number;
  humidity: number;
  at: Date;
}

export class SensorAccessory {
  private readonly temperatureService: Service;
  private readonly humidityService: Service;
  private latest?: Reading;

  constructor(
    private readonly platform: GreenhousePlatform,
    private readonly accessory: PlatformAccessory,
  ) {
    const { Service: S, Characteristic: C } = platform;
    const device = accessory.context.device as DeviceConfig;

    accessory.getService(S.AccessoryInformation)!
      .setCharacteristic(C.Manufacturer, 'GrowBox')
      .setCharacteristic(C.SerialNumber, device.id);

    this.temperatureService =
      accessory.getService(S.TemperatureSensor) ?? accessory.addService(S.TemperatureSensor);
    this.temperatureService
      .getCharacteristic(C.CurrentTemperature)
      .onGet(this.handleCurrentTemperatureGet.bind(this));

    this.humidityService =
      accessory.getService(S.HumiditySensor) ?? accessory.addService(S.HumiditySensor);
    this.humidityService
      .getCharacteristic(C.CurrentRelativeHumidity)
      .onGet(this.handleHumidityGet.bind(this));
  }

  lastReading(): Reading | undefined {
    return this.latest;
  }

  private get device(): DeviceConfig {
    return this.accessory.context.device as DeviceConfig;
  }

  // Called by HAP every time a Home app / hub asks for the value.
  async handleCurrentTemperatureGet(): Promise<CharacteristicValue> {
    const body = await this.readController('/api/v1/climate');
    this.remember(body);
    return body.temperature;
  }

  async handleHumidityGet(): Promise<CharacteristicValue> {
    const { statusCode, body } = await request(`${this.device.baseUrl}/api/v1/climate`, {
      dispatcher: this.platform.agent,
      headersTimeout: 3_000,
    });
    if (statusCode !== 200) {
      throw new this.platform.api.hap.HapStatusError(this.platform.api.hap.HAPStatus.SERVICE_COMMUNICATION_FAILURE);
    }
    const climate = (await body.json()) as { temperature: number; humidity: number };
    this.remember(climate);
    return climate.humidity;
  }

  private async readController(path: string): Promise<{ temperature: number; humidity: number }> {
    const pool = new Pool(this.device.baseUrl, { connections: 2, keepAliveTimeout: 30_000 });
    const { statusCode, body } = await pool.request({ path, method: 'GET', headersTimeout: 3_000 });
    if (statusCode !== 200) {
      await body.dump();
      throw new this.platform.api.hap.HapStatusError(this.platform.api.hap.HAPStatus.SERVICE_COMMUNICATION_FAILURE);
    }
    return (await body.json()) as { temperature: number; humidity: number };
  }

  private remember(climate: { temperature: number; humidity: number }): void {
    this.latest = { deviceId: this.device.id, ...climate, at: new Date() };
  }
}
