//! Store-side POS event bus. Tills send one JSON datagram per event
//! (sale, refund, card swipe); every loaded plugin sees every event.

use std::ffi::OsStr;
use std::os::unix::net::UnixDatagram;
use std::path::Path;

use libloading::{Library, Symbol};

type InitFn = unsafe extern "C" fn() -> i32;
type EventFn = unsafe extern "C" fn(*const u8, usize) -> i32;

struct Plugin {
    name: String,
    on_event: EventFn,
    _lib: Library,
}

fn load_plugins(dir: &Path) -> anyhow::Result<Vec<Plugin>> {
    let mut plugins = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension() != Some(OsStr::new("so")) {
            continue;
        }
        let name = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        unsafe {
            let lib = Library::new(&path)?;
            let init: Symbol<InitFn> = lib.get(b"plugin_init")?;
            if init() != 0 {
                log::error!("plugin {name} failed to initialise, skipping");
                continue;
            }
            let on_event: Symbol<EventFn> = lib.get(b"plugin_on_event")?;
            let on_event = *on_event;
            plugins.push(Plugin { name, on_event, _lib: lib });
        }
    }
    Ok(plugins)
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let plugin_dir = std::env::var("POS_PLUGIN_DIR").unwrap_or_else(|_| "/usr/lib/pos-bus/plugins".into());
    let plugins = load_plugins(Path::new(&plugin_dir))?;
    log::info!("loaded {} plugins", plugins.len());

    let socket_path = "/run/pos-bus/events.sock";
    let _ = std::fs::remove_file(socket_path);
    let socket = UnixDatagram::bind(socket_path)?;

    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = socket.recv(&mut buf)?;
        let event = &buf[..n];
        for plugin in &plugins {
            let rc = unsafe { (plugin.on_event)(event.as_ptr(), event.len()) };
            if rc != 0 {
                log::warn!("plugin {} returned {rc}", plugin.name);
            }
        }
    }
}
