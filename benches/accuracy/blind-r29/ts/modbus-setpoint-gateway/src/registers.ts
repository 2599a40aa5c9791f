import pg from 'pg';
import { readHolding, writeHolding, readCoil, writeCoil } from './cache.js';
import { announce } from './audit.js';

// Holding registers 100..163 are writable setpoints (tenths of a degree C).
const SETPOINT_FIRST = 100;
const SETPOINT_LAST = 163;
const MIN_TENTHS = 120;
const MAX_TENTHS = 280;

function isSetpoint(addr: number): boolean {
  return addr >= SETPOINT_FIRST && addr <= SETPOINT_LAST;
}

async function persistSetpoint(unit: number, addr: number, previous: number, value: number): Promise<void> {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 2,
  });
  try {
    await pool.query(
      `INSERT INTO setpoint_history (unit_id, register, previous_value, new_value, changed_at)
       VALUES ($1, $2, $3, $4, now())`,
      [unit, addr, previous, value],
    );
  } finally {
    await pool.end();
  }
}

// Every callback below is invoked by ServerTCP once per Modbus PDU from a PLC/SCADA client.
export function makeVector(peerLabel: string) {
  return {
    async getHoldingRegister(addr: number, unitID: number): Promise<number> {
      return readHolding(unitID, addr);
    },

    async getInputRegister(addr: number, unitID: number): Promise<number> {
      // Input registers mirror holding registers offset by 1000 (measured values).
      return readHolding(unitID, addr + 1000);
    },

    async getCoil(addr: number, unitID: number): Promise<boolean> {
      return readCoil(unitID, addr);
    },

    async setCoil(addr: number, value: boolean, unitID: number): Promise<void> {
      await writeCoil(unitID, addr, value);
    },

    async setRegister(addr: number, value: number, unitID: number): Promise<void> {
      if (!isSetpoint(addr)) {
        throw { modbusErrorCode: 0x02, msg: `register ${addr} is read-only` };
      }
      if (value < MIN_TENTHS || value > MAX_TENTHS) {
        throw { modbusErrorCode: 0x03, msg: `setpoint ${value} out of range` };
      }
      const previous = await readHolding(unitID, addr);
      await writeHolding(unitID, addr, value);
      await persistSetpoint(unitID, addr, previous, value);
      await announce({ unit: unitID, addr, previous, value, peer: peerLabel, at: new Date().toISOString() });
    },
  };
}
