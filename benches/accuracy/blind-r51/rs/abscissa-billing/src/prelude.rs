pub use crate::application::APP;
pub use abscissa_core::{status_err, status_info, status_ok, status_warn, Application};
