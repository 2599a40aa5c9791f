import Homey from 'homey';

interface DiscoveredMeter {
  id: string;
  name: string;
  address: string;
}

class MeterDriver extends Homey.Driver {
  async onInit(): Promise<void> {
    this.log('P1 meter driver initialised');
  }

  private discovered(): DiscoveredMeter[] {
    const strategy = this.getDiscoveryStrategy();
    const results = strategy.getDiscoveryResults() as Record<string, { id: string; address: string; txt?: Record<string, string> }>;
    return Object.values(results).map((r) => ({
      id: r.txt?.serial ?? r.id,
      name: r.txt?.product_name ?? 'P1 Meter',
      address: r.address,
    }));
  }

  async onPairListDevices() {
    return this.discovered().map((meter) => ({
      name: meter.name,
      data: { id: meter.id },
      store: { address: meter.address },
      settings: { poll_interval: 10, logging_enabled: true },
    }));
  }

  async onRepair(session: Homey.Driver.PairSession, device: Homey.Device): Promise<void> {
    session.setHandler('list_devices', async () => {
      const meters = this.discovered();
      const match = meters.find((m) => m.id === device.getData().id);
      if (match) await device.setStoreValue('address', match.address);
      return meters;
    });
  }
}

module.exports = MeterDriver;
