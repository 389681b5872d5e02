//! What a build reports: the raw and compressed sizes, the packages in the
//! image with their share of it, the SHA-256 sums, the build's time.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use super::command::{command, run};
use super::{ImageError, Layout, Plan};

/// One installed Debian package.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Package {
    /// Its name.
    pub name: String,
    /// Its version.
    pub version: String,
    /// Its installed size in KiB (dpkg's Installed-Size).
    pub installed_kib: u64,
}

/// The build report (`report.json`, `report.txt`).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The site.
    pub site: String,
    /// The mirror the packages came from.
    pub mirror: String,
    /// The raw image's size in bytes.
    pub raw_bytes: u64,
    /// The compressed image's size in bytes.
    pub compressed_bytes: u64,
    /// The installed system's size in bytes (the root tree).
    pub root_bytes: u64,
    /// The partition sizes in MiB.
    pub partitions_mib: Vec<(String, u64)>,
    /// How long the build took, in seconds.
    pub build_seconds: f64,
    /// Every package, largest first.
    pub packages: Vec<Package>,
}

impl Report {
    /// The report of a finished build.
    pub fn new(
        plan: &Plan,
        image: &Path,
        compressed: &Path,
        layout: &Layout,
        mut packages: Vec<Package>,
        took: Duration,
    ) -> Result<Report, ImageError> {
        let size = |path: &Path| {
            std::fs::metadata(path)
                .map(|m| m.len())
                .map_err(ImageError::io("measuring the image", path))
        };
        packages.sort_by(|a, b| {
            b.installed_kib
                .cmp(&a.installed_kib)
                .then(a.name.cmp(&b.name))
        });
        Ok(Report {
            site: plan.name.clone(),
            mirror: plan.effective_mirror(),
            raw_bytes: size(image)?,
            compressed_bytes: size(compressed)?,
            root_bytes: packages.iter().map(|p| p.installed_kib * 1024).sum(),
            partitions_mib: vec![
                ("esp".to_owned(), layout.esp.size_mib),
                ("anlauf-root-a".to_owned(), layout.root_a.size_mib),
                ("anlauf-root-b".to_owned(), layout.root_b.size_mib),
                ("anlauf-content".to_owned(), layout.content.size_mib),
            ],
            build_seconds: took.as_secs_f64(),
            packages,
        })
    }

    /// The human-readable report: sizes, then the large packages with
    /// their share of the installed system, then every package.
    pub fn text(&self) -> String {
        let mib = |bytes: u64| bytes as f64 / 1024.0 / 1024.0;
        let mut out = format!(
            "Anlauf image for {}\nfrom {}\nraw image: {:.0} MiB, compressed (zstd): {:.0} MiB, installed system: {:.0} MiB\nbuilt in {:.0} s\n\npartitions:\n",
            self.site,
            self.mirror,
            mib(self.raw_bytes),
            mib(self.compressed_bytes),
            mib(self.root_bytes),
            self.build_seconds
        );
        for (name, size) in &self.partitions_mib {
            out.push_str(&format!("  {name:<16} {size:>6} MiB\n"));
        }
        let total: u64 = self
            .packages
            .iter()
            .map(|p| p.installed_kib)
            .sum::<u64>()
            .max(1);
        out.push_str("\nlarge packages (share of the installed system):\n");
        for package in self
            .packages
            .iter()
            .filter(|p| p.installed_kib >= 10 * 1024)
        {
            out.push_str(&format!(
                "  {:<32} {:>7.1} MiB {:>5.1} %\n",
                package.name,
                package.installed_kib as f64 / 1024.0,
                package.installed_kib as f64 * 100.0 / total as f64
            ));
        }
        out.push_str(&format!("\nall {} packages:\n", self.packages.len()));
        let mut names: Vec<&Package> = self.packages.iter().collect();
        names.sort_by(|a, b| a.name.cmp(&b.name));
        for package in names {
            out.push_str(&format!("  {} {}\n", package.name, package.version));
        }
        out
    }

    /// Writes `report.json` and `report.txt` into `out`.
    pub fn write(&self, out: &Path) -> Result<(), ImageError> {
        let json = serde_json::to_string_pretty(self).map_err(|e| ImageError::Io {
            what: "writing the report".to_owned(),
            path: out.join("report.json"),
            source: std::io::Error::other(e),
        })?;
        let path = out.join("report.json");
        std::fs::write(&path, json).map_err(ImageError::io("writing the report", &path))?;
        let path = out.join("report.txt");
        std::fs::write(&path, self.text()).map_err(ImageError::io("writing the report", &path))
    }
}

/// The packages installed in `root`.
pub fn packages(root: &Path) -> Result<Vec<Package>, ImageError> {
    let mut query = command(
        "dpkg-query",
        ["-W", "-f", "${Package}\\t${Version}\\t${Installed-Size}\\n"],
    );
    query.arg(format!(
        "--admindir={}",
        root.join("var/lib/dpkg").display()
    ));
    let output = run(&mut query, "listing the packages")?;
    Ok(parse_packages(&String::from_utf8_lossy(&output.stdout)))
}

/// Parses dpkg-query's `name\tversion\tsize` lines.
pub fn parse_packages(text: &str) -> Vec<Package> {
    text.lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let name = fields.next()?.trim();
            let version = fields.next()?.trim();
            let size = fields.next().unwrap_or("0").trim().parse().unwrap_or(0);
            (!name.is_empty()).then(|| Package {
                name: name.to_owned(),
                version: version.to_owned(),
                installed_kib: size,
            })
        })
        .collect()
}

/// The bytes of the regular files under `root` (links and special files
/// count nothing), on `root`'s own file system only.
pub fn tree_size(root: &Path) -> Result<u64, ImageError> {
    use std::os::unix::fs::MetadataExt as _;
    let device = std::fs::metadata(root)
        .map_err(ImageError::io("measuring the root", root))?
        .dev();
    let mut total = 0;
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        let entries =
            std::fs::read_dir(&dir).map_err(ImageError::io("measuring the root", &dir))?;
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if entry.metadata().map(|m| m.dev()).ok() != Some(device) {
                continue;
            }
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() {
                // Rounded up to the file system's 4 KiB blocks.
                total += entry
                    .metadata()
                    .map(|m| m.len().div_ceil(4096) * 4096)
                    .unwrap_or(0);
            }
        }
    }
    Ok(total)
}

/// `IMAGE.zst` beside the image (zstd, all cores).
pub fn compress(image: &Path) -> Result<PathBuf, ImageError> {
    let mut name = image.as_os_str().to_owned();
    name.push(".zst");
    let compressed = PathBuf::from(name);
    let mut zstd = command("zstd", ["-q", "-f", "-T0", "-12", "--sparse", "-o"]);
    zstd.arg(&compressed).arg(image);
    run(&mut zstd, "compressing the image")?;
    Ok(compressed)
}

/// `SHA256SUMS` in `out` for `files` (names relative to `out`).
pub fn write_sums(out: &Path, files: &[&Path]) -> Result<(), ImageError> {
    let mut sum = command("sha256sum", ["--"]);
    for file in files {
        sum.arg(file.file_name().unwrap_or(file.as_os_str()));
    }
    sum.current_dir(out);
    let output = run(&mut sum, "summing the images")?;
    let path = out.join("SHA256SUMS");
    std::fs::write(&path, &output.stdout).map_err(ImageError::io("writing SHA256SUMS", &path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dpkg_query_lines_become_packages() {
        let packages = parse_packages("sway\t1.10-1\t1234\nbroken\nlibc6\t2.41-1\t13223\n\n");
        assert_eq!(packages.len(), 2);
        assert_eq!(packages[1].name, "libc6");
        assert_eq!(packages[1].installed_kib, 13223);
    }
}
