use std::time::Duration;

use anyhow::Result;
use rppal::gpio::{Event, Gpio, InputPin, Trigger};

use crate::events;

#[derive(Clone, Copy, Debug)]
pub struct Door {
    pub id: u32,
    pub bcm: u8,
    pub label: &'static str,
}

pub const DOCK_DOORS: &[Door] = &[
    Door { id: 1, bcm: 17, label: "dock-1" },
    Door { id: 2, bcm: 27, label: "dock-2" },
    Door { id: 3, bcm: 22, label: "dock-3" },
    Door { id: 4, bcm: 23, label: "cold-room" },
];

/// Registers one async interrupt per door. rppal runs each callback on its own
/// interrupt thread, once per (debounced) edge.
pub fn register(gpio: &Gpio, doors: &[Door]) -> Result<Vec<InputPin>> {
    let mut pins = Vec::with_capacity(doors.len());
    for door in doors.iter().copied() {
        let mut pin = gpio.get(door.bcm)?.into_input_pullup();
        pin.set_async_interrupt(
            Trigger::Both,
            Some(Duration::from_millis(40)),
            move |event: Event| {
                let res = match event.trigger {
                    Trigger::RisingEdge => events::door_opened(&door),
                    Trigger::FallingEdge => events::door_closed(&door),
                    _ => Ok(()),
                };
                if let Err(e) = res {
                    eprintln!("[{}] {e:#}", door.label);
                }
            },
        )?;
        pins.push(pin);
    }
    Ok(pins)
}
