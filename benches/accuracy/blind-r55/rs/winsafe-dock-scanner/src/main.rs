#![windows_subsystem = "windows"]

mod backend;
mod window;

use std::sync::Arc;

use serde::Deserialize;
use winsafe::{self as w, co, prelude::*};

#[derive(Deserialize, Debug)]
pub struct Config {
    pub kiosk_id: String,
    pub dock: String,
    pub database_url: String,
    pub heartbeat_url: String,
}

fn load_config() -> Result<Config, Box<dyn std::error::Error>> {
    let path = std::env::current_exe()?.with_file_name("dock-scanner.toml");
    let text = std::fs::read_to_string(path)?;
    Ok(toml::from_str(&text)?)
}

fn main() {
    let cfg = match load_config() {
        Ok(c) => Arc::new(c),
        Err(e) => {
            let _ = w::HWND::NULL.MessageBox(
                &format!("Cannot read dock-scanner.toml:\n{e}"),
                "Dock scanner",
                co::MB::ICONERROR,
            );
            return;
        }
    };

    if let Err(e) = window::DockWindow::new(cfg).run() {
        let _ = w::HWND::NULL.MessageBox(&e.to_string(), "Unhandled error", co::MB::ICONERROR);
    }
}
