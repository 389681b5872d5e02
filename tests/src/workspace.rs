//! Where things are, for tests: the workspace's root, the binaries it has
//! built, and whether the tests run as root; copying a directory tree.

use std::path::{Path, PathBuf};

/// The workspace's root directory.
pub fn root() -> PathBuf {
    let harness = Path::new(env!("CARGO_MANIFEST_DIR"));
    harness.parent().unwrap_or(harness).to_owned()
}

/// A binary of the workspace built with the running one: beside it for a
/// binary (`target/release/bench-x` -> `target/release/NAME`), one folder
/// up for a test (`target/debug/deps/TEST` -> `target/debug/NAME`); it
/// may not exist.
pub fn built(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_default();
    let mut dir = exe.parent().unwrap_or(Path::new("target/debug"));
    if dir.file_name().is_some_and(|d| d == "deps") {
        dir = dir.parent().unwrap_or(dir);
    }
    dir.join(name)
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

/// `deb` (version `0.1.0-1`) repacked as the next revision `0.1.0-2` into
/// `out`: unpacked, its version raised, packed again (cheaper than a second
/// cargo deb). Returns the new `.deb`.
pub fn next_revision(deb: &Path, out: &Path) -> Result<PathBuf, String> {
    let fail = |what: &str, e: &dyn std::fmt::Display| format!("{what}: {e}");
    std::fs::create_dir_all(out).map_err(|e| fail("making the folder", &e))?;
    let tree = out.join("tree");
    let _ = std::fs::remove_dir_all(&tree);
    let run = |args: &[&std::ffi::OsStr]| -> Result<(), String> {
        let status = std::process::Command::new("dpkg-deb")
            .args(args)
            .status()
            .map_err(|e| fail("dpkg-deb", &e))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("dpkg-deb {args:?}: {status}"))
        }
    };
    run(&["-R".as_ref(), deb.as_os_str(), tree.as_os_str()])?;
    let control = tree.join("DEBIAN/control");
    let text = std::fs::read_to_string(&control).map_err(|e| fail("reading control", &e))?;
    if !text.contains("Version: 0.1.0-1\n") {
        return Err(format!("{} is not version 0.1.0-1", deb.display()));
    }
    std::fs::write(
        &control,
        text.replace("Version: 0.1.0-1\n", "Version: 0.1.0-2\n"),
    )
    .map_err(|e| fail("writing control", &e))?;
    let name = deb
        .file_name()
        .map(|n| n.to_string_lossy().replace("0.1.0-1", "0.1.0-2"))
        .ok_or_else(|| format!("{} has no file name", deb.display()))?;
    let target = out.join(name);
    run(&[
        "-Zgzip".as_ref(),
        "-z1".as_ref(),
        "-b".as_ref(),
        tree.as_os_str(),
        target.as_os_str(),
    ])?;
    std::fs::remove_dir_all(&tree).map_err(|e| fail("removing the tree", &e))?;
    Ok(target)
}

/// `tiny-pkg` at `version` (Architecture: all) with one file holding the
/// version (`/usr/share/tiny-pkg/version`), built with dpkg-deb into `out`:
/// a package for apt repository tests. Returns the `.deb`.
pub fn tiny_deb(out: &Path, version: &str) -> Result<PathBuf, String> {
    let fail = |what: &str, e: &dyn std::fmt::Display| format!("{what}: {e}");
    let tree = out.join(format!("tree-{version}"));
    std::fs::create_dir_all(tree.join("DEBIAN"))
        .and_then(|()| std::fs::create_dir_all(tree.join("usr/share/tiny-pkg")))
        .map_err(|e| fail("making the package tree", &e))?;
    let control = format!(
        "Package: tiny-pkg\nVersion: {version}\nArchitecture: all\n\
         Maintainer: Anlauf tests <tests@anlauf.invalid>\n\
         Description: a tiny package for the repository tests\n"
    );
    std::fs::write(tree.join("DEBIAN/control"), control)
        .and_then(|()| {
            std::fs::write(
                tree.join("usr/share/tiny-pkg/version"),
                format!("{version}\n"),
            )
        })
        .map_err(|e| fail("writing the package tree", &e))?;
    // Any file name: a repository names pool files itself.
    let deb = out.join(format!("tiny-{version}.deb"));
    let output = std::process::Command::new("dpkg-deb")
        .args(["--root-owner-group", "--build"])
        .arg(&tree)
        .arg(&deb)
        .output()
        .map_err(|e| fail("dpkg-deb", &e))?;
    if !output.status.success() {
        return Err(format!(
            "dpkg-deb: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(deb)
}
