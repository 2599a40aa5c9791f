use anyhow::{bail, Context, Result};

/// One line from the station, e.g.
/// `$WX,STN04,1718000000,21.4,63.0,1012.8,3.2,270*5A`
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub station: String,
    pub epoch: i64,
    pub temp_c: f64,
    pub humidity: f64,
    pub pressure_hpa: f64,
    pub wind_ms: f64,
    pub wind_dir: i32,
}

pub fn parse(line: &str) -> Result<Frame> {
    let line = line.trim();
    let (body, checksum) = line
        .strip_prefix('$')
        .and_then(|l| l.split_once('*'))
        .context("not a frame")?;
    let expected = u8::from_str_radix(checksum, 16).context("bad checksum field")?;
    let actual = body.bytes().fold(0u8, |acc, b| acc ^ b);
    if expected != actual {
        bail!("checksum mismatch: {expected:02X} != {actual:02X}");
    }
    let f: Vec<&str> = body.split(',').collect();
    if f.len() != 8 || f[0] != "WX" {
        bail!("unexpected frame shape");
    }
    Ok(Frame {
        station: f[1].to_string(),
        epoch: f[2].parse()?,
        temp_c: f[3].parse()?,
        humidity: f[4].parse()?,
        pressure_hpa: f[5].parse()?,
        wind_ms: f[6].parse()?,
        wind_dir: f[7].parse()?,
    })
}
