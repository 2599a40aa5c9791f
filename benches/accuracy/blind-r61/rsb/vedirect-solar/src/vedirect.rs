//! VE.Direct text protocol: lines of `LABEL<TAB>VALUE<CR><LF>`, one block
//! ending with `Checksum<TAB><byte>`; the byte sum of a block is 0 mod 256.
//! HEX-protocol frames (lines starting with ':') may be interleaved.

use std::collections::HashMap;
use std::io::BufRead;

pub struct Block {
    pub fields: HashMap<String, String>,
    pub checksum_ok: bool,
}

impl Block {
    fn num(&self, label: &str) -> Option<i64> {
        self.fields.get(label).and_then(|v| v.parse().ok())
    }
    /// battery voltage, V
    pub fn battery_v(&self) -> Option<f64> {
        self.num("V").map(|mv| mv as f64 / 1000.0)
    }
    /// battery current, A
    pub fn battery_a(&self) -> Option<f64> {
        self.num("I").map(|ma| ma as f64 / 1000.0)
    }
    /// panel power, W
    pub fn panel_w(&self) -> Option<i64> {
        self.num("PPV")
    }
    /// yield today, Wh (H20 is in 0.01 kWh)
    pub fn yield_today_wh(&self) -> Option<i64> {
        self.num("H20").map(|v| v * 10)
    }
    pub fn charge_state(&self) -> Option<i64> {
        self.num("CS")
    }
}

pub struct BlockReader<R> {
    inner: R,
}

impl<R: BufRead> BlockReader<R> {
    pub fn new(inner: R) -> Self {
        BlockReader { inner }
    }

    pub fn next_block(&mut self) -> std::io::Result<Block> {
        let mut fields = HashMap::new();
        let mut sum: u8 = 0;
        let mut line = Vec::with_capacity(64);
        loop {
            line.clear();
            if self.inner.read_until(b'\n', &mut line)? == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            if line.first() == Some(&b':') {
                continue; // HEX frame, not part of the checksum
            }
            sum = line.iter().fold(sum, |acc, b| acc.wrapping_add(*b));
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            let Some((label, value)) = text.split_once('\t') else { continue };
            if label == "Checksum" {
                return Ok(Block { fields, checksum_ok: sum == 0 });
            }
            fields.insert(label.to_string(), value.to_string());
        }
    }
}
