//! PAM service module. libpam calls `acct_mgmt` once per login attempt and
//! `open_session` / `close_session` once per terminal session.

mod hr;
mod shifts;

use pamsm::{pam_module, Pam, PamError, PamFlags, PamLibExt, PamServiceModule};

struct PamTimeclock;

fn username(pamh: &Pam) -> Option<String> {
    match pamh.get_user(None) {
        Ok(Some(u)) => u.to_str().ok().map(str::to_owned),
        _ => None,
    }
}

fn terminal_id(args: &[String]) -> String {
    args.iter()
        .find_map(|a| a.strip_prefix("terminal="))
        .unwrap_or("unknown")
        .to_string()
}

impl PamServiceModule for PamTimeclock {
    fn acct_mgmt(pamh: Pam, _flags: PamFlags, _args: Vec<String>) -> PamError {
        let Some(user) = username(&pamh) else {
            return PamError::USER_UNKNOWN;
        };
        match shifts::on_shift(&user) {
            Ok(true) => PamError::SUCCESS,
            Ok(false) => {
                log::warn!("{user} has no shift right now");
                PamError::PERM_DENIED
            }
            Err(e) => {
                log::error!("shift lookup failed for {user}: {e}");
                PamError::AUTHINFO_UNAVAIL
            }
        }
    }

    fn open_session(pamh: Pam, _flags: PamFlags, args: Vec<String>) -> PamError {
        if let Some(user) = username(&pamh) {
            if let Err(e) = hr::clock_in(&user, &terminal_id(&args)) {
                log::error!("clock-in failed for {user}: {e}");
            }
        }
        PamError::SUCCESS
    }

    fn close_session(pamh: Pam, _flags: PamFlags, args: Vec<String>) -> PamError {
        if let Some(user) = username(&pamh) {
            if let Err(e) = hr::clock_out(&user, &terminal_id(&args)) {
                log::error!("clock-out failed for {user}: {e}");
            }
        }
        PamError::SUCCESS
    }
}

pam_module!(PamTimeclock);
