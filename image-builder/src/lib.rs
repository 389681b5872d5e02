//! The image builder of Anlauf, for IT staff: one site file becomes the
//! Debian packages, a signed apt repository the devices update from, and a
//! disk image that boots into the kiosk on UEFI and legacy BIOS machines.
//!
//! - [`site`]: reading and checking the site file, the PIN hash, the
//!   settings reference.
//! - [`repo`]: the signed apt repository.
//! - [`flash`]: writing an image to a disk and reading it back.
//! - [`image`]: the bootable disk image.
//! - [`boot`]: booting an image in QEMU and checking what it does.
//! - [`pipeline`]: `build`, from the site file to all of the above.
//! - [`site_package`]: the site's own Debian package.

pub mod boot;
pub mod flash;
pub mod image;
pub mod pipeline;
pub mod repo;
pub mod site;
pub mod site_package;
