use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use postgres::NoTls;
use winsafe::{gui, prelude::*, AnyResult};

use crate::backend::{self, Pallet};
use crate::Config;

const HEARTBEAT_TIMER: usize = 1;

#[derive(Clone)]
pub struct DockWindow {
    wnd: gui::WindowMain,
    txt_code: gui::Edit,
    btn_lookup: gui::Button,
    btn_receive: gui::Button,
    lbl_status: gui::Label,
    cfg: Arc<Config>,
    scans: Arc<AtomicU64>,
}

impl DockWindow {
    pub fn new(cfg: Arc<Config>) -> Self {
        let wnd = gui::WindowMain::new(gui::WindowMainOpts {
            title: format!("Dock {} — pallet scanner", cfg.dock),
            size: (460, 150),
            ..Default::default()
        });
        let txt_code = gui::Edit::new(&wnd, gui::EditOpts {
            position: (20, 20),
            width: 200,
            ..Default::default()
        });
        let btn_lookup = gui::Button::new(&wnd, gui::ButtonOpts {
            text: "&Lookup".to_owned(),
            position: (235, 18),
            ..Default::default()
        });
        let btn_receive = gui::Button::new(&wnd, gui::ButtonOpts {
            text: "&Receive".to_owned(),
            position: (335, 18),
            ..Default::default()
        });
        let lbl_status = gui::Label::new(&wnd, gui::LabelOpts {
            text: "Scan a pallet label".to_owned(),
            position: (20, 70),
            size: (420, 40),
            ..Default::default()
        });

        let new_self = Self {
            wnd, txt_code, btn_lookup, btn_receive, lbl_status, cfg,
            scans: Arc::new(AtomicU64::new(0)),
        };
        new_self.events();
        new_self
    }

    pub fn run(&self) -> AnyResult<i32> {
        self.wnd.run_main(None)
    }

    fn events(&self) {
        let self2 = self.clone();
        self.wnd.on().wm_create(move |_| {
            self2.wnd.hwnd().SetTimer(HEARTBEAT_TIMER, 30_000, None)?;
            Ok(0)
        });

        let self2 = self.clone();
        self.btn_lookup.on().bn_clicked(move || {
            let code = self2.txt_code.text().trim().to_uppercase();
            self2.scans.fetch_add(1, Ordering::Relaxed);
            let mut db = postgres::Client::connect(&self2.cfg.database_url, NoTls)?;
            let row = db.query_opt(
                "SELECT code, supplier, cartons, received_at IS NOT NULL FROM pallets WHERE code = $1",
                &[&code],
            )?;
            let text = match row {
                Some(r) => backend::describe(&Pallet {
                    code: r.get(0),
                    supplier: r.get(1),
                    cartons: r.get(2),
                    received: r.get(3),
                }),
                None => format!("{code}: unknown pallet"),
            };
            self2.lbl_status.set_text(&text);
            Ok(())
        });

        let self2 = self.clone();
        self.btn_receive.on().bn_clicked(move || {
            let code = self2.txt_code.text().trim().to_uppercase();
            let msg = match backend::receive_pallet(&self2.cfg, &code) {
                Ok(true) => format!("{code} received at dock {}", self2.cfg.dock),
                Ok(false) => format!("{code} was already received or is unknown"),
                Err(e) => format!("Database error: {e}"),
            };
            self2.lbl_status.set_text(&msg);
            self2.txt_code.set_text("");
            Ok(())
        });

        let self2 = self.clone();
        self.wnd.on().wm_timer(HEARTBEAT_TIMER, move || {
            // Failures are shown but never stop the kiosk.
            if let Err(e) = backend::push_heartbeat(&self2.cfg, self2.scans.load(Ordering::Relaxed)) {
                self2.lbl_status.set_text(&format!("Dashboard unreachable: {e}"));
            }
            Ok(())
        });
    }
}
