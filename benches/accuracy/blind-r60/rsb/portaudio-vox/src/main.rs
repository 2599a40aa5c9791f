//! The console's USB audio interface carries the receiver audio of one radio channel.
//! PortAudio calls `callback` for every 20 ms buffer on its real-time thread; it only
//! computes the level and hands key-up / key-down edges to the writer thread.

mod writer;

use std::sync::mpsc;

use anyhow::Context;
use portaudio as pa;

const SAMPLE_RATE: f64 = 16_000.0;
const FRAMES: u32 = 320; // 20 ms
const OPEN_DBFS: f32 = -38.0;
const HANG_BUFFERS: u32 = 40; // 800 ms hang time before key-down

pub enum VoxEdge {
    KeyUp,
    KeyDown { buffers: u32 },
}

fn main() -> anyhow::Result<()> {
    let channel_id = std::env::var("RADIO_CHANNEL").context("RADIO_CHANNEL")?;

    let (tx, rx) = mpsc::sync_channel::<VoxEdge>(256);
    let writer = writer::Writer::start(&channel_id)?;
    let writer_thread = std::thread::spawn(move || writer.run(rx));

    let pa = pa::PortAudio::new()?;
    let settings = pa.default_input_stream_settings::<f32>(1, SAMPLE_RATE, FRAMES)?;

    let mut open = false;
    let mut quiet = 0u32;
    let mut length = 0u32;
    let callback = move |pa::InputStreamCallbackArgs { buffer, .. }| {
        let mean_sq = buffer.iter().map(|s| s * s).sum::<f32>() / buffer.len().max(1) as f32;
        let level = 10.0 * mean_sq.max(1e-12).log10();

        if level > OPEN_DBFS {
            quiet = 0;
            if !open {
                open = true;
                length = 0;
                let _ = tx.try_send(VoxEdge::KeyUp);
            }
        } else if open {
            quiet += 1;
            if quiet >= HANG_BUFFERS {
                open = false;
                let _ = tx.try_send(VoxEdge::KeyDown { buffers: length });
            }
        }
        if open {
            length += 1;
        }
        pa::Continue
    };

    let mut stream = pa.open_non_blocking_stream(settings, callback)?;
    stream.start()?;

    // The stream runs until the writer gives up (database gone for good).
    let result = writer_thread.join();
    stream.stop()?;
    stream.close()?;
    result.map_err(|_| anyhow::anyhow!("writer thread panicked"))?
}
