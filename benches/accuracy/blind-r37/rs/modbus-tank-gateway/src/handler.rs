use mysql::prelude::Queryable;
use mysql::{params, Opts, Pool};
use redis::Commands;
use rodbus::server::{RequestHandler, WriteRegisters};
use rodbus::{ExceptionCode, Indexed};

/// Register map: 0..=63 tank level in cm, 100..=163 setpoint in cm.
const LEVEL_BASE: u16 = 0;
const SETPOINT_BASE: u16 = 100;
const TANKS: u16 = 64;

pub struct TankHandler {
    redis_url: String,
    mysql_url: String,
}

impl TankHandler {
    pub fn new(redis_url: String, mysql_url: String) -> Self {
        Self { redis_url, mysql_url }
    }

    fn level_cm(&self, tank: u16) -> Result<u16, ExceptionCode> {
        let mut con = redis::Client::open(self.redis_url.as_str())
            .and_then(|c| c.get_connection())
            .map_err(|_| ExceptionCode::ServerDeviceFailure)?;
        let level: Option<u16> = con
            .hget("tank:levels", tank)
            .map_err(|_| ExceptionCode::ServerDeviceFailure)?;
        level.ok_or(ExceptionCode::ServerDeviceBusy)
    }

    fn store_setpoint(&self, tank: u16, value: u16) -> Result<(), ExceptionCode> {
        let opts = Opts::from_url(&self.mysql_url).map_err(|_| ExceptionCode::ServerDeviceFailure)?;
        let pool = Pool::new(opts).map_err(|_| ExceptionCode::ServerDeviceFailure)?;
        let mut conn = pool.get_conn().map_err(|_| ExceptionCode::ServerDeviceFailure)?;
        conn.exec_drop(
            "INSERT INTO setpoints (tank_no, level_cm, written_at) VALUES (:tank, :value, NOW())",
            params! { "tank" => tank, "value" => value },
        )
        .map_err(|_| ExceptionCode::ServerDeviceFailure)
    }
}

impl RequestHandler for TankHandler {
    fn read_holding_register(&self, address: u16) -> Result<u16, ExceptionCode> {
        match address {
            a if (LEVEL_BASE..LEVEL_BASE + TANKS).contains(&a) => self.level_cm(a - LEVEL_BASE),
            a if (SETPOINT_BASE..SETPOINT_BASE + TANKS).contains(&a) => Ok(0),
            _ => Err(ExceptionCode::IllegalDataAddress),
        }
    }

    fn write_single_register(&mut self, value: Indexed<u16>) -> Result<(), ExceptionCode> {
        if !(SETPOINT_BASE..SETPOINT_BASE + TANKS).contains(&value.index) {
            return Err(ExceptionCode::IllegalDataAddress);
        }
        self.store_setpoint(value.index - SETPOINT_BASE, value.value)
    }

    fn write_multiple_registers(&mut self, values: WriteRegisters) -> Result<(), ExceptionCode> {
        for v in values.iterator {
            self.write_single_register(v)?;
        }
        Ok(())
    }
}
