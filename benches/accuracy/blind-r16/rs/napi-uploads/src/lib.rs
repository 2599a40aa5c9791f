//! Native upload helpers for the Node API server.
//!
//! `server.ts` calls `init(process.env.DATABASE_URL)` once at boot, then the
//! route handlers call `presignUpload`, `recordUpload` and `listUploads` per request.

#![deny(clippy::all)]

#[macro_use]
extern crate napi_derive;

mod clients;
mod uploads;

pub use clients::init;
