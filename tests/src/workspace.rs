//! Where things are, for tests: the workspace's root, the binaries it has
//! built, and whether the tests run as root; copying a directory tree.

use std::path::{Path, PathBuf};

/// The workspace's root directory.
pub fn root() -> PathBuf {
    let harness = Path::new(env!("CARGO_MANIFEST_DIR"));
    harness.parent().unwrap_or(harness).to_owned()
}

/// A binary of the workspace beside the running test binary
/// (`target/debug/deps/TEST` -> `target/debug/NAME`); it may not exist.
pub fn built(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_default();
    exe.parent()
        .and_then(Path::parent)
        .unwrap_or(Path::new("target/debug"))
        .join(name)
}

/// Whether this process runs as root (`/proc/self` belongs to the
/// process's effective user).
pub fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// Copies the tree `from` to `to` (symbolic links as links).
pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        let kind = entry.file_type()?;
        if kind.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else if kind.is_symlink() {
            let link = std::fs::read_link(entry.path())?;
            if !target.exists() {
                std::os::unix::fs::symlink(link, &target)?;
            }
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// The Debian package of workspace crate `crate_name`, made by cargo-deb
/// into `out` from the binaries the suite built (debug profile, no second
/// build: building per package would compile much of the dependency graph
/// again with other features, minutes on two cores). Returns the `.deb`.
pub fn debian_package(crate_name: &str, out: &Path) -> Result<PathBuf, String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let output = std::process::Command::new(env!("CARGO"))
        .current_dir(root())
        .args(["deb", "-p", crate_name, "--profile", "dev", "--no-build"])
        .args(["--strip", "--fast", "--locked", "-o"])
        .arg(out)
        .output()
        .map_err(|e| format!("cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo deb -p {crate_name} (install it: cargo install cargo-deb; build the workspace first): {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .rfind(|l| l.ends_with(".deb"))
        .map(|l| PathBuf::from(l.trim()))
        .ok_or_else(|| "cargo deb did not name the package it wrote".to_owned())
}
