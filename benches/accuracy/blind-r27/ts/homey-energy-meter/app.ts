'use strict';

import Homey from 'homey';
import { Pool } from 'undici';
import { closeStore, latestTariff, readings, saveTariff } from './lib/store';

interface PushReadingArgs {
  device: Homey.Device;
  zone: string;
}

interface TariffResponse {
  zone: string;
  price: number;
  from: string;
  to: string;
}

class EnergyMeterApp extends Homey.App {
  async onInit(): Promise<void> {
    this.log('Voltwise Energy Meter started');

    const pushReading = this.homey.flow.getActionCard('push_reading');
    pushReading.registerRunListener(async (args: PushReadingArgs) => {
      const zone = args.zone || 'NL';
      const tariffApi = new Pool(Homey.env.TARIFF_API_ORIGIN, {
        connections: 2,
        keepAliveTimeout: 30_000,
      });

      const { statusCode, body } = await tariffApi.request({
        method: 'GET',
        path: `/v2/prices/current?zone=${encodeURIComponent(zone)}`,
        headers: { authorization: `Bearer ${Homey.env.TARIFF_API_TOKEN}` },
      });
      if (statusCode !== 200) {
        await body.dump();
        throw new Error(`Tariff API returned ${statusCode}`);
      }
      const price = (await body.json()) as TariffResponse;

      await saveTariff({
        zone: price.zone,
        eurPerKWh: price.price,
        validFrom: new Date(price.from),
        validTo: new Date(price.to),
      });

      const device = args.device;
      await readings().insertOne({
        deviceId: device.getData().id,
        homeyId: await this.homey.cloud.getHomeyId(),
        powerW: device.getCapabilityValue('measure_power') ?? 0,
        meterKWh: device.getCapabilityValue('meter_power') ?? 0,
        tariffEurKWh: price.price,
        zone,
        at: new Date(),
      });
      return true;
    });

    const tariffToken = await this.homey.flow.createToken('current_tariff', {
      type: 'number',
      title: 'Current tariff (EUR/kWh)',
      value: 0,
    });

    this.homey.setInterval(async () => {
      const snapshot = await latestTariff('NL').catch(() => null);
      if (snapshot) await tariffToken.setValue(snapshot.eurPerKWh);
    }, 15 * 60 * 1000);
  }

  async onUninit(): Promise<void> {
    await closeStore();
  }
}

module.exports = EnergyMeterApp;
