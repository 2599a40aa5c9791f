//! Warehouse time-clock kiosk (Windows). Workers scan their badge and press
//! Clock in / Clock out; punches are stored locally and pushed to the HR API
//! every minute so the kiosk keeps working when the uplink is down.
#![windows_subsystem = "windows"]

extern crate native_windows_derive as nwd;
extern crate native_windows_gui as nwg;

use std::time::Duration;

use nwd::NwgUi;
use nwg::NativeUi;

mod services;

use services::Services;

#[derive(Default, NwgUi)]
pub struct Kiosk {
    // Not a control: filled in by main() before build_ui.
    services: Option<Services>,

    #[nwg_control(size: (440, 240), position: (300, 200), title: "Shift clock", flags: "WINDOW|VISIBLE")]
    #[nwg_events(OnWindowClose: [Kiosk::exit])]
    window: nwg::Window,

    #[nwg_control(text: "", size: (420, 32), position: (10, 10), placeholder_text: Some("Scan badge"))]
    badge: nwg::TextInput,

    #[nwg_control(text: "Clock in", size: (205, 70), position: (10, 52))]
    #[nwg_events(OnButtonClick: [Kiosk::clock_in])]
    clock_in_button: nwg::Button,

    #[nwg_control(text: "Clock out", size: (205, 70), position: (225, 52))]
    #[nwg_events(OnButtonClick: [Kiosk::clock_out])]
    clock_out_button: nwg::Button,

    #[nwg_control(text: "Ready", size: (420, 28), position: (10, 135))]
    status: nwg::Label,

    #[nwg_control(parent: window, interval: Duration::from_secs(60), active: true)]
    #[nwg_events(OnTimerTick: [Kiosk::sync_pending])]
    sync_timer: nwg::AnimationTimer,
}

impl Kiosk {
    fn svc(&self) -> &Services {
        self.services.as_ref().expect("services are set before the UI is built")
    }

    fn clock_in(&self) {
        self.punch("in");
    }

    fn clock_out(&self) {
        self.punch("out");
    }

    fn punch(&self, direction: &str) {
        let badge = self.badge.text().trim().to_string();
        if badge.is_empty() {
            self.status.set_text("Scan your badge first");
            return;
        }
        match self.svc().record_punch(&badge, direction) {
            Ok(name) => self.status.set_text(&format!("{name}: clocked {direction}")),
            Err(e) => self.status.set_text(&format!("Could not save punch: {e}")),
        }
        self.badge.set_text("");
    }

    fn sync_pending(&self) {
        match self.svc().push_pending() {
            Ok(0) => {}
            Ok(n) => self.status.set_text(&format!("Synced {n} punches")),
            Err(e) => self.status.set_text(&format!("Offline ({e}), will retry")),
        }
    }

    fn exit(&self) {
        nwg::stop_thread_dispatch();
    }
}

fn main() {
    nwg::init().expect("Failed to init Native Windows GUI");
    nwg::Font::set_global_family("Segoe UI").expect("Failed to set default font");

    let services = Services::open().expect("cannot open local punch store");
    let initial = Kiosk { services: Some(services), ..Default::default() };
    let _ui = Kiosk::build_ui(initial).expect("Failed to build UI");

    nwg::dispatch_thread_events();
}
