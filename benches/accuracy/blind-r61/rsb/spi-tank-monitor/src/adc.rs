//! MCP3008 10-bit ADC on /dev/spidev0.0.

use spidev::{SpiModeFlags, Spidev, SpidevOptions, SpidevTransfer};

pub struct Mcp3008 {
    spi: Spidev,
}

impl Mcp3008 {
    pub fn open(path: &str) -> std::io::Result<Self> {
        let mut spi = Spidev::open(path)?;
        let options = SpidevOptions::new()
            .bits_per_word(8)
            .max_speed_hz(1_000_000)
            .mode(SpiModeFlags::SPI_MODE_0)
            .build();
        spi.configure(&options)?;
        Ok(Mcp3008 { spi })
    }

    /// Single-ended read of `channel` (0..=7), returns 0..=1023.
    pub fn read(&self, channel: u8) -> std::io::Result<u16> {
        let tx = [0x01, 0x80 | ((channel & 0x07) << 4), 0x00];
        let mut rx = [0u8; 3];
        {
            let mut transfer = SpidevTransfer::read_write(&tx, &mut rx);
            self.spi.transfer(&mut transfer)?;
        }
        Ok((((rx[1] & 0x03) as u16) << 8) | rx[2] as u16)
    }
}
