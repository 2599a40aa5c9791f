use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tao::event::{Event, StartCause};
use tao::event_loop::{ControlFlow, EventLoopBuilder};
use tray_icon::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem};
use tray_icon::{Icon, TrayIcon, TrayIconBuilder};

mod store;
mod sync;

const AUTO_SYNC_EVERY: Duration = Duration::from_secs(15 * 60);

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

fn solid_icon(r: u8, g: u8, b: u8) -> Icon {
    let rgba: Vec<u8> = std::iter::repeat([r, g, b, 0xff]).take(32 * 32).flatten().collect();
    Icon::from_rgba(rgba, 32, 32).expect("valid icon")
}

fn sync_now(store: &mut store::Store, uploader: &sync::Uploader) -> anyhow::Result<usize> {
    let entries = store.unsynced()?;
    uploader.push(&entries)?;
    let ids: Vec<i64> = entries.iter().map(|e| e.id).collect();
    store.mark_synced(&ids)?;
    Ok(ids.len())
}

fn main() -> anyhow::Result<()> {
    let data_dir = dirs::data_local_dir().unwrap_or_else(std::env::temp_dir).join("timesheet-tray");
    std::fs::create_dir_all(&data_dir)?;

    let mut store = store::Store::open(&data_dir.join("entries.sqlite3"))?;
    let uploader = sync::Uploader::new(
        std::env::var("TIMESHEET_API").unwrap_or_else(|_| "https://time.example.com".into()),
        std::env::var("TIMESHEET_TOKEN")?,
    )?;
    let project = std::env::var("TIMESHEET_PROJECT").unwrap_or_else(|_| "general".into());

    let start_item = MenuItem::new(format!("Start \"{project}\""), true, None);
    let stop_item = MenuItem::new("Stop timer", true, None);
    let sync_item = MenuItem::new("Sync now", true, None);
    let quit_item = MenuItem::new("Quit", true, None);
    let menu = Menu::new();
    menu.append_items(&[
        &start_item,
        &stop_item,
        &PredefinedMenuItem::separator(),
        &sync_item,
        &quit_item,
    ])?;

    let event_loop = EventLoopBuilder::new().build();
    let menu_events = MenuEvent::receiver();
    let mut tray: Option<TrayIcon> = None;
    let mut menu = Some(menu);
    let mut next_sync = Instant::now() + AUTO_SYNC_EVERY;

    event_loop.run(move |event, _, control_flow| {
        *control_flow = ControlFlow::WaitUntil(next_sync.min(Instant::now() + Duration::from_millis(200)));

        if let Event::NewEvents(StartCause::Init) = event {
            let running = store.running().ok().flatten().is_some();
            tray = TrayIconBuilder::new()
                .with_menu(Box::new(menu.take().expect("menu built once")))
                .with_tooltip("Timesheet")
                .with_icon(if running { solid_icon(46, 160, 67) } else { solid_icon(120, 120, 120) })
                .build()
                .ok();
        }

        if Instant::now() >= next_sync {
            next_sync = Instant::now() + AUTO_SYNC_EVERY;
            if let Err(e) = sync_now(&mut store, &uploader) {
                eprintln!("auto sync failed: {e:#}");
            }
        }

        while let Ok(event) = menu_events.try_recv() {
            let id = event.id();
            if id == start_item.id() {
                if store.start(&project, now()).is_ok() {
                    if let Some(t) = &tray {
                        let _ = t.set_icon(Some(solid_icon(46, 160, 67)));
                    }
                }
            } else if id == stop_item.id() {
                if store.stop(now()).is_ok() {
                    if let Some(t) = &tray {
                        let _ = t.set_icon(Some(solid_icon(120, 120, 120)));
                    }
                }
            } else if id == sync_item.id() {
                match sync_now(&mut store, &uploader) {
                    Ok(n) => println!("synced {n} entries"),
                    Err(e) => eprintln!("sync failed: {e:#}"),
                }
            } else if id == quit_item.id() {
                let _ = store.stop(now());
                let _ = sync_now(&mut store, &uploader);
                tray.take();
                *control_flow = ControlFlow::Exit;
            }
        }
    })
}
