import type { PromisifiedBus } from 'i2c-bus'

export interface Sensor {
  name: string
  address: number
}

const TEMP_REGISTER = 0x00

/** TMP102: 12-bit two's complement, 0.0625 °C per LSB, MSB first on the wire. */
export async function readCelsius(bus: PromisifiedBus, sensor: Sensor): Promise<number> {
  const word = await bus.readWord(sensor.address, TEMP_REGISTER)
  const raw = ((word & 0xff) << 8) | (word >> 8)
  let value = raw >> 4
  if (value & 0x800) value -= 0x1000
  return value * 0.0625
}
