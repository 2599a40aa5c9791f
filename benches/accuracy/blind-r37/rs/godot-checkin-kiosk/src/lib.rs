//! GDNative library behind the Godot 3 check-in kiosk at the venue doors.

mod kiosk;
mod services;

use gdnative::prelude::*;

fn init(handle: InitHandle) {
    handle.add_class::<kiosk::CheckinKiosk>();
}

godot_init!(init);
