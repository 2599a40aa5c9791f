//! Runs on the booth laptop for the whole event. The photographer shoots
//! tethered over USB; every frame the camera writes triggers a NewFile event,
//! which we download, push to the S3 gallery bucket and register in Postgres
//! so guests see it on the gallery screen within seconds.

mod camera;
mod gallery;
mod shared;

use std::path::PathBuf;
use std::time::Duration;

use gphoto2::camera::CameraEvent;

use crate::shared::Shared;

fn main() -> anyhow::Result<()> {
    let event_code = std::env::var("BOOTH_EVENT").unwrap_or_else(|_| "unnamed-event".into());
    let spool = PathBuf::from(std::env::var("BOOTH_SPOOL").unwrap_or_else(|_| "/var/spool/booth".into()));
    std::fs::create_dir_all(&spool)?;

    // One runtime, one S3 client and one pool for the whole process.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let shared: Shared = rt.block_on(Shared::connect())?;

    let context = gphoto2::Context::new()?;
    let mut cam = camera::attach(&context);
    println!("booth: camera ready, event {event_code}");

    loop {
        let event = match cam.wait_event(Duration::from_secs(10)).wait() {
            Ok(ev) => ev,
            Err(e) => {
                // USB cable pulled or camera switched off: re-attach the camera
                // only; the S3 client and pool stay as they are.
                eprintln!("booth: camera error ({e}), re-attaching");
                cam = camera::attach(&context);
                continue;
            }
        };

        match event {
            CameraEvent::NewFile(file) => {
                let local = match camera::download(&cam, &file, &spool) {
                    Ok(path) => path,
                    Err(e) => {
                        eprintln!("booth: download of {} failed: {e}", file.name());
                        continue;
                    }
                };
                let shot = gallery::Shot { event_code: &event_code, local: &local };
                match rt.block_on(gallery::publish(&shared, shot)) {
                    Ok(id) => println!("booth: published {} as {id}", local.display()),
                    Err(e) => eprintln!("booth: publish failed, kept in spool: {e}"),
                }
            }
            CameraEvent::Timeout => {
                rt.block_on(gallery::retry_spool(&shared, &event_code, &spool));
            }
            CameraEvent::CaptureComplete | CameraEvent::FileChanged(_) | CameraEvent::NewFolder(_) => {}
            CameraEvent::Unknown(msg) => eprintln!("booth: camera says {msg}"),
        }
    }
}
