//! Sensirion SHT31 temperature / humidity sensor on Linux I2C.

use std::thread;
use std::time::Duration;

use i2cdev::core::I2CDevice;
use i2cdev::linux::{LinuxI2CDevice, LinuxI2CError};

#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub celsius: f64,
    pub humidity: f64,
}

pub struct Sht31 {
    dev: LinuxI2CDevice,
}

impl Sht31 {
    pub fn open(bus: &str, addr: u16) -> Result<Self, LinuxI2CError> {
        let dev = LinuxI2CDevice::new(bus, addr)?;
        Ok(Self { dev })
    }

    /// Single-shot, high repeatability, no clock stretching.
    pub fn measure(&mut self) -> Result<Reading, LinuxI2CError> {
        self.dev.write(&[0x24, 0x00])?;
        thread::sleep(Duration::from_millis(20));
        let mut buf = [0u8; 6];
        self.dev.read(&mut buf)?;
        let raw_t = u16::from_be_bytes([buf[0], buf[1]]) as f64;
        let raw_h = u16::from_be_bytes([buf[3], buf[4]]) as f64;
        Ok(Reading {
            celsius: -45.0 + 175.0 * raw_t / 65535.0,
            humidity: 100.0 * raw_h / 65535.0,
        })
    }
}
