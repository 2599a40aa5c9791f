//! Runs as a systemd --user service next to the PulseAudio (or pipewire-pulse) server.
//! The subscribe callback registered below is invoked by the PulseAudio main loop
//! once for every source-output event (an app opening or closing a capture stream).

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use libpulse_binding as pulse;
use pulse::context::subscribe::{Facility, InterestMaskSet, Operation};
use pulse::context::{Context, FlagSet as ContextFlagSet, State};
use pulse::mainloop::standard::{IterateResult, Mainloop};
use pulse::proplist::{properties, Proplist};

mod events;
mod notify;
mod store;

fn main() {
    env_logger::init();

    let mut proplist = Proplist::new().expect("proplist");
    proplist
        .set_str(properties::APPLICATION_NAME, "pulse-mic-tracker")
        .expect("set app name");

    let mainloop = Rc::new(RefCell::new(Mainloop::new().expect("mainloop")));
    let context = Rc::new(RefCell::new(
        Context::new_with_proplist(mainloop.borrow().deref(), "MicTrackerContext", &proplist)
            .expect("context"),
    ));

    context
        .borrow_mut()
        .connect(None, ContextFlagSet::NOFLAGS, None)
        .expect("connect to PulseAudio server");

    // Wait for the context to become ready.
    loop {
        match mainloop.borrow_mut().iterate(true) {
            IterateResult::Quit(_) | IterateResult::Err(_) => {
                log::error!("main loop stopped before the context was ready");
                return;
            }
            IterateResult::Success(_) => {}
        }
        match context.borrow().get_state() {
            State::Ready => break,
            State::Failed | State::Terminated => {
                log::error!("could not connect to the PulseAudio server");
                return;
            }
            _ => {}
        }
    }

    let introspect = context.borrow().introspect();
    context
        .borrow_mut()
        .set_subscribe_callback(Some(Box::new(move |facility, operation, index| {
            if facility != Some(Facility::SourceOutput) {
                return;
            }
            match operation {
                Some(Operation::New) => events::capture_started(&introspect, index),
                Some(Operation::Removed) => events::capture_stopped(index),
                _ => {}
            }
        })));

    context
        .borrow_mut()
        .subscribe(InterestMaskSet::SOURCE_OUTPUT, |ok| {
            if !ok {
                log::error!("subscribe to source-output events failed");
            }
        });

    log::info!("watching microphone streams");
    if let Err((e, _)) = mainloop.borrow_mut().run() {
        log::error!("main loop exited: {e}");
    }
}
