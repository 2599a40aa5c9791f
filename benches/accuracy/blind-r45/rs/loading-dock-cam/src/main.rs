//! Runs on the dock PC for weeks at a time. The frame loop only compares frames;
//! everything slow happens elsewhere: one Postgres connection opened at start,
//! one uploader thread with its own HTTP client.

mod uploader;

use std::env;
use std::sync::mpsc::sync_channel;
use std::sync::OnceLock;
use std::thread::sleep;
use std::time::{Duration, Instant};

use image::{ImageBuffer, Rgb};
use nokhwa::pixel_format::RgbFormat;
use nokhwa::utils::{CameraIndex, RequestedFormat, RequestedFormatType};
use nokhwa::Camera;
use postgres::{Client, NoTls};

static DOCK_ID: OnceLock<String> = OnceLock::new();

fn dock_id() -> &'static str {
    DOCK_ID.get_or_init(|| env::var("DOCK_ID").unwrap_or_else(|_| "dock-1".into()))
}

fn open_db(url: &str) -> anyhow::Result<Client> {
    for attempt in 1..=20 {
        match Client::connect(url, NoTls) {
            Ok(client) => return Ok(client),
            Err(e) => {
                log::warn!("postgres unavailable ({attempt}/20): {e}");
                sleep(Duration::from_secs(3));
            }
        }
    }
    anyhow::bail!("postgres never came up")
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let mut db = open_db(&env::var("DATABASE_URL")?)?;
    let (jobs, rx) = sync_channel::<uploader::Snapshot>(16);
    let worker = uploader::spawn(env::var("EVIDENCE_URL")?, rx)?;

    let requested = RequestedFormat::new::<RgbFormat>(RequestedFormatType::AbsoluteHighestFrameRate);
    let mut camera = Camera::new(CameraIndex::Index(0), requested)?;
    camera.open_stream()?;

    let mut previous: Option<ImageBuffer<Rgb<u8>, Vec<u8>>> = None;
    let mut last_event = Instant::now() - Duration::from_secs(60);

    loop {
        let frame = camera.frame()?;
        let image = frame.decode_image::<RgbFormat>()?;

        let changed = previous.as_ref().map(|prev| changed_ratio(prev, &image)).unwrap_or(0.0);
        if changed > 0.08 && last_event.elapsed() > Duration::from_secs(10) {
            last_event = Instant::now();

            let mut tx = db.transaction()?;
            let row = tx.query_one(
                "INSERT INTO dock_motion (dock_id, changed_ratio, seen_at) VALUES ($1, $2, now()) RETURNING id",
                &[&dock_id(), &(changed as f64)],
            )?;
            tx.commit()?;
            let event_id: i64 = row.get(0);

            let mut jpeg = Vec::new();
            image.write_to(&mut std::io::Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)?;
            if jobs.try_send(uploader::Snapshot { event_id, jpeg }).is_err() {
                log::warn!("uploader busy, dropping snapshot for event {event_id}");
            }
        }
        previous = Some(image);

        if worker.is_finished() {
            anyhow::bail!("uploader thread died");
        }
    }
}

fn changed_ratio(a: &ImageBuffer<Rgb<u8>, Vec<u8>>, b: &ImageBuffer<Rgb<u8>, Vec<u8>>) -> f32 {
    if a.dimensions() != b.dimensions() {
        return 1.0;
    }
    let total = (a.width() * a.height()) as f32;
    let changed = a
        .pixels()
        .zip(b.pixels())
        .filter(|(p, q)| {
            let d: i32 = (0..3).map(|i| (p[i] as i32 - q[i] as i32).abs()).sum();
            d > 60
        })
        .count() as f32;
    changed / total
}
