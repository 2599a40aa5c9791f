//! Fix helpers shared by `per-request-client` and `duplicate-client-module` (TS/JS, Python):
//! find the module of the project that shares a long-lived client of the same library and
//! database (`export const prisma = globalForPrisma.prisma ?? new PrismaClient()`, a
//! `clientPromise`, an `@lru_cache` getter), decide whether it may stand in for a local
//! construction, and write the edits: the import, the construction replaced by the shared client,
//! the local closes removed (a `try` left with an empty `finally` unwrapped).

use std::collections::HashMap;

use crate::catalog::Catalog;
use crate::cx::ProjectCx;
use crate::diagnostic::{Edit, Fix};
use crate::facts::{ClientKind, ClientSite, Returned, ScopeKind};
use crate::source::{Lang, SourceFile, Span};

mod edits;
mod exports;
mod substitute;
pub use edits::*;
pub use exports::*;
pub use substitute::*;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
