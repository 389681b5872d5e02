//! Pure parsers of `/proc/self/mountinfo` and `/proc/swaps`.

use std::fmt;
use std::path::PathBuf;

/// A block device number, `major:minor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DevId {
    /// The driver.
    pub major: u64,
    /// The device of that driver.
    pub minor: u64,
}

impl DevId {
    /// Reads `8:1`.
    pub fn parse(text: &str) -> Option<DevId> {
        let (major, minor) = text.trim().split_once(':')?;
        Some(DevId {
            major: major.parse().ok()?,
            minor: minor.parse().ok()?,
        })
    }
}

impl fmt::Display for DevId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.major, self.minor)
    }
}

/// One line of mountinfo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount {
    /// The device number `st_dev` of files on it (anonymous `0:N` for
    /// overlay, tmpfs, btrfs and the like).
    pub device: DevId,
    /// Where it is mounted.
    pub mount_point: PathBuf,
    /// The file system type, e.g. `ext4`, `overlay`.
    pub fs_type: String,
    /// The mount source, e.g. `/dev/sda1`, `overlay`.
    pub source: String,
    /// The file system's own options (overlay's `lowerdir=` and so on).
    pub super_options: String,
}

/// A line of mountinfo that is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line} of mountinfo is not understood: {text:?}")]
pub struct MountinfoError {
    /// 1-based.
    pub line: usize,
    /// The line.
    pub text: String,
}

/// Reads mountinfo (`proc(5)`): `ID PARENT MAJ:MIN ROOT POINT OPTIONS
/// [OPTIONAL...] - TYPE SOURCE SUPER_OPTIONS`, with `\040`-style escapes
/// in paths.
pub fn parse_mountinfo(text: &str) -> Result<Vec<Mount>, MountinfoError> {
    let mut mounts = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let error = || MountinfoError {
            line: index + 1,
            text: line.to_owned(),
        };
        let fields: Vec<&str> = line.split(' ').collect();
        let separator = fields.iter().position(|f| *f == "-").ok_or_else(error)?;
        if separator < 6 || fields.len() < separator + 3 {
            return Err(error());
        }
        let device = DevId::parse(fields[2]).ok_or_else(error)?;
        mounts.push(Mount {
            device,
            mount_point: PathBuf::from(unescape(fields[4])),
            fs_type: unescape(fields[separator + 1]),
            source: unescape(fields[separator + 2]),
            super_options: fields
                .get(separator + 3)
                .map(|o| unescape(o))
                .unwrap_or_default(),
        });
    }
    Ok(mounts)
}

/// The swap areas of `/proc/swaps` (header line first; a name's blanks
/// escaped as `\040`).
pub fn parse_swaps(text: &str) -> Vec<PathBuf> {
    text.lines()
        .skip(1)
        .filter_map(|line| line.split_whitespace().next())
        .map(|name| PathBuf::from(unescape(name)))
        .collect()
}

/// Undoes the kernel's octal escapes (`\040` blank, `\011` tab, `\012`
/// newline, `\134` backslash).
fn unescape(field: &str) -> String {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let octal = bytes
            .get(i + 1..i + 4)
            .filter(|d| bytes[i] == b'\\' && d.iter().all(|b| (b'0'..=b'7').contains(b)))
            .and_then(|d| u8::from_str_radix(std::str::from_utf8(d).ok()?, 8).ok());
        match octal {
            Some(byte) => {
                out.push(byte);
                i += 4;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mountinfo_lines_with_optional_fields_and_escapes() {
        let text = "\
22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw,errors=remount-ro
23 22 8:1 / /boot/efi rw,relatime shared:2 master:3 - vfat /dev/sda1 rw,fmask=0077
24 22 0:45 / /media/my\\040stick rw - vfat /dev/sdb1 rw
25 22 0:30 / /run rw,nosuid - tmpfs tmpfs rw,size=100k
";
        let mounts = parse_mountinfo(text).unwrap();
        assert_eq!(mounts.len(), 4);
        assert_eq!(mounts[0].device, DevId { major: 8, minor: 2 });
        assert_eq!(mounts[0].mount_point, PathBuf::from("/"));
        assert_eq!(mounts[0].source, "/dev/sda2");
        assert_eq!(mounts[1].mount_point, PathBuf::from("/boot/efi"));
        assert_eq!(mounts[1].fs_type, "vfat");
        assert_eq!(mounts[2].mount_point, PathBuf::from("/media/my stick"));
        assert_eq!(mounts[3].super_options, "rw,size=100k");
    }

    #[test]
    fn overlay_options_are_kept() {
        let text = "600 500 0:52 / / rw,relatime - overlay overlay rw,lowerdir=/l1:/l2,upperdir=/u,workdir=/w\n";
        let mounts = parse_mountinfo(text).unwrap();
        assert_eq!(mounts.len(), 1);
        assert_eq!(mounts[0].fs_type, "overlay");
        assert!(mounts[0].super_options.contains("upperdir=/u"));
    }

    #[test]
    fn broken_lines_are_errors_with_their_number() {
        let text = "22 1 8:2 / / rw - ext4 /dev/sda2 rw\n23 22 8:1 / /boot rw ext4 /dev/sda1\n";
        let error = parse_mountinfo(text).err();
        assert_eq!(error.map(|e| e.line), Some(2));
        assert!(parse_mountinfo("1 2 x:y / / rw - ext4 /dev/a rw").is_err());
    }

    #[test]
    fn swaps_skip_the_header() {
        let text = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n\
                    /dev/sda3                               partition\t8388604\t\t0\t\t-2\n\
                    /swap\\040file                          file\t\t1048572\t\t0\t\t-3\n";
        assert_eq!(
            parse_swaps(text),
            vec![PathBuf::from("/dev/sda3"), PathBuf::from("/swap file")]
        );
        assert!(parse_swaps("Filename\tType\tSize\tUsed\tPriority\n").is_empty());
    }

    #[test]
    fn dev_ids_read_and_print() {
        assert_eq!(
            DevId::parse("254:0\n"),
            Some(DevId {
                major: 254,
                minor: 0
            })
        );
        assert_eq!(DevId::parse("254"), None);
        assert_eq!(DevId { major: 7, minor: 3 }.to_string(), "7:3");
    }
}
