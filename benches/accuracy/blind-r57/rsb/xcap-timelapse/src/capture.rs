//! Screen capture of every attached monitor.
use std::io::Cursor;

use anyhow::Result;
use image::ImageFormat;
use xcap::Monitor;

pub struct Frame {
    pub monitor: String,
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

fn slug(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect()
}

/// Captures all monitors and PNG-encodes them. Blocking: call from
/// `spawn_blocking`.
pub fn capture_all() -> Result<Vec<Frame>> {
    let mut frames = Vec::new();
    for monitor in Monitor::all()? {
        let image = match monitor.capture_image() {
            Ok(img) => img,
            Err(err) => {
                eprintln!("capture of {} failed: {err}", monitor.name());
                continue;
            }
        };
        let (width, height) = image.dimensions();
        let mut png = Vec::with_capacity((width * height) as usize);
        image.write_to(&mut Cursor::new(&mut png), ImageFormat::Png)?;
        frames.push(Frame { monitor: slug(monitor.name()), png, width, height });
    }
    Ok(frames)
}

/// Captures happen only while the studio is staffed.
pub fn within_hours(hour: u32) -> bool {
    (7..20).contains(&hour)
}
