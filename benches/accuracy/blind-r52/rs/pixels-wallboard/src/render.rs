use crate::feed::Snapshot;

const BG: [u8; 4] = [0x10, 0x14, 0x1c, 0xff];
const BAR: [u8; 4] = [0x3c, 0xb3, 0x71, 0xff];
const BAR_BUSY: [u8; 4] = [0xe6, 0x9f, 0x00, 0xff];
const ALERT: [u8; 4] = [0xd6, 0x28, 0x28, 0xff];

fn put(frame: &mut [u8], width: u32, x: u32, y: u32, rgba: [u8; 4]) {
    let i = ((y * width + x) * 4) as usize;
    if i + 4 <= frame.len() {
        frame[i..i + 4].copy_from_slice(&rgba);
    }
}

/// Draws one bar per dock door; the bar height is the number of open
/// shipments. A red strip along the top means the carrier is degraded.
pub fn draw(frame: &mut [u8], width: u32, height: u32, snap: &Snapshot) {
    for px in frame.chunks_exact_mut(4) {
        px.copy_from_slice(&BG);
    }
    if snap.carrier_degraded {
        for y in 0..6 {
            for x in 0..width {
                put(frame, width, x, y, ALERT);
            }
        }
    }
    if snap.doors.is_empty() {
        return;
    }
    let slot = width / snap.doors.len() as u32;
    let max = snap.doors.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1) as u32;
    for (i, (_door, open)) in snap.doors.iter().enumerate() {
        let bar_h = (*open as u32 * (height - 20)) / max;
        let color = if *open as u32 * 2 > max { BAR_BUSY } else { BAR };
        let x0 = i as u32 * slot + 2;
        for x in x0..(x0 + slot.saturating_sub(4)) {
            for y in (height - bar_h)..height {
                put(frame, width, x, y, color);
            }
        }
    }
}
