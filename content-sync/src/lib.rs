//! Anlauf content packs: the source format an editor writes, the publisher
//! that turns it into a signed TUF repository of content-defined chunks, the
//! device's store of verified generations, and the sync that fills it.
//!
//! Without the `sync` feature only the parts a reader needs are built: the
//! source format and its checks, the database, and the store; this is what
//! the kiosk links.

pub mod db;
pub mod demo;
pub mod find;
pub mod forms;
pub mod geo;
pub mod hours;
pub mod hsds;
pub mod model;
pub mod search;
pub mod source;
pub mod status;
pub mod store;
pub mod tiles;

#[cfg(feature = "sync")]
pub mod chunk;
#[cfg(feature = "sync")]
pub mod cli;
#[cfg(feature = "sync")]
pub mod client;
#[cfg(feature = "sync")]
pub mod daemon;
#[cfg(feature = "sync")]
pub mod keys;
#[cfg(feature = "sync")]
pub mod publish;
#[cfg(feature = "sync")]
pub mod transport;
