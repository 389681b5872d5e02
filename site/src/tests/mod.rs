//! Tests of the site crate: each kind's values (good and bad, with the exact
//! message and line), the two modes, the file checks and the PIN.

use super::*;

mod files;
mod kinds;
mod modes;
mod pins;

/// A real ed25519 public key line.
pub(crate) const ED25519: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPP9rp6shDlpm4IVlcpC4h2f46DXoXe+HVjrZPwskeyJ it@laptop";
/// A real ecdsa-sha2-nistp256 public key line.
pub(crate) const ECDSA: &str = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBPTmQFVA4+WigA0CSNdKDcPVN/s3ksWCkeHLfsWdosulRhdHDvz4ud1bBKG1F3QmTF67JgrNLYnyM0O7eJDaIwQ= backup";

/// Every problem of `text` as `image-builder check` prints it.
pub(crate) fn strict(text: &str) -> Vec<String> {
    match parse_strict(text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems
            .iter()
            .map(|problem| {
                problem
                    .in_file(std::path::Path::new("site.toml"))
                    .to_string()
            })
            .collect(),
    }
}
