import Homey from 'homey';

type Discovered = { id: string; name: string; address: string };

class ThermostatDriver extends Homey.Driver {
  async onInit(): Promise<void> {
    this.log('Thermostat driver has been initialized');
  }

  async onPairListDevices() {
    const res = await fetch(`${this.homey.settings.get('hubUrl')}/api/thermostats`);
    const found = (await res.json()) as Discovered[];
    return found.map((t) => ({
      name: t.name,
      data: { id: t.id },
      store: { address: t.address },
    }));
  }
}

module.exports = ThermostatDriver;
