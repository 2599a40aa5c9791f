//! Break-room kiosk: staff type their 6-digit badge PIN on the numeric
//! keypad and press Enter to clock in or out.

mod notify;
mod roster;
mod shifts;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use device_query::{DeviceEvents, DeviceState, Keycode};

fn digit(key: &Keycode) -> Option<char> {
    use Keycode::*;
    Some(match key {
        Numpad0 | Key0 => '0',
        Numpad1 | Key1 => '1',
        Numpad2 | Key2 => '2',
        Numpad3 | Key3 => '3',
        Numpad4 | Key4 => '4',
        Numpad5 | Key5 => '5',
        Numpad6 | Key6 => '6',
        Numpad7 | Key7 => '7',
        Numpad8 | Key8 => '8',
        Numpad9 | Key9 => '9',
        _ => return None,
    })
}

fn main() -> anyhow::Result<()> {
    let roster = Arc::new(roster::Roster::connect()?);
    let shifts = Arc::new(shifts::connect()?);
    let site = std::env::var("KIOSK_SITE").unwrap_or_else(|_| "dc-leeds".into());

    let buffer = Arc::new(Mutex::new(String::new()));
    let device_state = DeviceState::new();

    let _guard = device_state.on_key_down(move |key: &Keycode| {
        if let Some(d) = digit(key) {
            let mut buf = buffer.lock().unwrap();
            if buf.len() < 6 {
                buf.push(d);
            }
            return;
        }
        match key {
            Keycode::Escape | Keycode::Backspace => buffer.lock().unwrap().clear(),
            Keycode::Enter | Keycode::NumpadEnter => {
                let pin = std::mem::take(&mut *buffer.lock().unwrap());
                if let Err(e) = punch(&roster, &shifts, &site, &pin) {
                    eprintln!("punch failed: {e:#}");
                }
            }
            _ => {}
        }
    });

    println!("kiosk ready");
    loop {
        std::thread::sleep(Duration::from_secs(60));
    }
}

fn punch(roster: &roster::Roster, shifts: &shifts::ShiftPool, site: &str, pin: &str) -> anyhow::Result<()> {
    let Some(staff) = roster.find_by_pin(pin)? else {
        println!("unknown PIN");
        return Ok(());
    };
    let direction = shifts::toggle(shifts, staff.id, site)?;
    println!("{} clocked {}", staff.display_name, direction);
    notify::team_channel(&staff.display_name, direction, site)?;
    Ok(())
}
