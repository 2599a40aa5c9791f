mod db;
mod doors;
mod events;
mod notify;

use anyhow::Result;
use rppal::gpio::Gpio;

fn main() -> Result<()> {
    let gpio = Gpio::new()?;

    // Pins must stay alive for their interrupt threads to keep running.
    let _pins = doors::register(&gpio, doors::DOCK_DOORS)?;
    println!("watching {} doors", doors::DOCK_DOORS.len());

    loop {
        std::thread::park();
    }
}
