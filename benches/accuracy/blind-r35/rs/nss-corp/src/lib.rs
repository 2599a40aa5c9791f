#[macro_use]
extern crate libnss;

mod directory;
mod tenants;

use libnss::group::{Group, GroupHooks};
use libnss::interop::Response;
use libnss::passwd::{Passwd, PasswdHooks};

struct CorpPasswd;
libnss_passwd_hooks!(corp, CorpPasswd);

impl PasswdHooks for CorpPasswd {
    fn get_all_entries() -> Response<Vec<Passwd>> {
        // Enumeration of the whole directory is disabled on purpose.
        Response::Success(Vec::new())
    }

    fn get_entry_by_uid(uid: libc::uid_t) -> Response<Passwd> {
        match directory::user_by_uid(uid) {
            Ok(Some(p)) => Response::Success(p),
            Ok(None) => Response::NotFound,
            Err(_) => Response::Unavail,
        }
    }

    fn get_entry_by_name(name: String) -> Response<Passwd> {
        match directory::user_by_name(&name) {
            Ok(Some(p)) => Response::Success(p),
            Ok(None) => Response::NotFound,
            Err(_) => Response::Unavail,
        }
    }
}

struct CorpGroup;
libnss_group_hooks!(corp, CorpGroup);

impl GroupHooks for CorpGroup {
    fn get_all_entries() -> Response<Vec<Group>> {
        Response::Success(Vec::new())
    }

    fn get_entry_by_gid(gid: libc::gid_t) -> Response<Group> {
        match tenants::group_by_gid(gid) {
            Ok(Some(g)) => Response::Success(g),
            Ok(None) => Response::NotFound,
            Err(_) => Response::TryAgain,
        }
    }

    fn get_entry_by_name(name: String) -> Response<Group> {
        match tenants::group_by_name(&name) {
            Ok(Some(g)) => Response::Success(g),
            Ok(None) => Response::NotFound,
            Err(_) => Response::TryAgain,
        }
    }
}
