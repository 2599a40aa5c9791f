//! Runs in the session of every edit-suite workstation. Each PipeWire node that
//! is an audio device gets registered in the studio asset database; devices that
//! vanish mid-session (USB interface unplugged, Bluetooth drop) raise an alert.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use pipewire as pw;
use pw::types::ObjectType;

mod alerts;
mod snapshot;
mod store;

fn main() -> anyhow::Result<()> {
    pw::init();

    let workstation = std::env::var("HOSTNAME").unwrap_or_else(|_| "unknown".to_owned());
    let pool = store::connect()?;
    let alerter = alerts::Alerter::new(&workstation)?;

    let mainloop = pw::main_loop::MainLoop::new(None)?;
    let context = pw::context::Context::new(&mainloop)?;
    let core = context.connect(None)?;
    let registry = core.get_registry()?;

    let known: Rc<RefCell<HashMap<u32, String>>> = Rc::new(RefCell::new(HashMap::new()));
    let known_added = Rc::clone(&known);
    let known_removed = Rc::clone(&known);
    let ws = workstation.clone();

    let _listener = registry
        .add_listener_local()
        .global(move |global| {
            if global.type_ != ObjectType::Node {
                return;
            }
            let Some(props) = global.props else { return };
            let class = props.get("media.class").unwrap_or_default();
            if !class.starts_with("Audio/") {
                return;
            }
            let name = props.get("node.name").unwrap_or("unnamed").to_owned();
            let description = props.get("node.description").unwrap_or(name.as_str()).to_owned();
            known_added.borrow_mut().insert(global.id, name.clone());

            if let Err(err) = store::device_seen(&pool, &ws, &name, &description, class) {
                eprintln!("asset db: {err:#}");
            }
            if let Err(err) = snapshot::capture(&ws, global.id, props) {
                eprintln!("snapshot: {err:#}");
            }
        })
        .global_remove(move |id| {
            if let Some(name) = known_removed.borrow_mut().remove(&id) {
                if let Err(err) = alerter.device_lost(&name) {
                    eprintln!("alert: {err:#}");
                }
            }
        })
        .register();

    mainloop.run();
    Ok(())
}
