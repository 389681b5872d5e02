//! Finds the device's slots: which one runs (the partition under the
//! read-only lower root of the overlay), the other one, their partition
//! ids and the ESP, through udev's links under `/dev/disk`.

use std::path::{Path, PathBuf};

use super::{Slot, UpdateError};

/// Where the initramfs mounts the running slot, read-only, under the overlay.
pub const LOWER_ROOT: &str = "/run/anlauf-root/lower";

/// The partitions an update works with.
#[derive(Debug, Clone)]
pub struct Disk {
    /// The slot the device runs from.
    pub running: Slot,
    /// Its partition (`/dev/vda2`).
    pub running_device: PathBuf,
    /// The other slot's partition, which an update overwrites.
    pub other_device: PathBuf,
    /// The other slot's GPT partition id, for its kernel command line.
    pub other_partuuid: String,
    /// The ESP's partition.
    pub esp_device: PathBuf,
}

impl Disk {
    /// The slot an update installs into.
    pub fn target(&self) -> Slot {
        self.running.other()
    }

    /// Looks at the running system.
    pub fn find() -> Result<Disk, UpdateError> {
        let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").map_err(
            UpdateError::io("reading the mounts", Path::new("/proc/self/mountinfo")),
        )?;
        let source = mount_source(&mountinfo, LOWER_ROOT)
            .or_else(|| mount_source(&mountinfo, "/").filter(|s| s.starts_with("/dev/")))
            .ok_or_else(|| {
                UpdateError::Disk(format!("no partition mounted at {LOWER_ROOT} or /"))
            })?;
        let running_device = canonical(Path::new(&source))?;
        let by_label = |label: &str| canonical(&Path::new("/dev/disk/by-partlabel").join(label));
        let a = by_label(&Slot::A.partlabel())?;
        let b = by_label(&Slot::B.partlabel())?;
        let esp_device = by_label("esp")?;
        let (running, other_device) = if running_device == a {
            (Slot::A, b)
        } else if running_device == b {
            (Slot::B, a)
        } else {
            return Err(UpdateError::Disk(format!(
                "the system runs from {}, which is neither {} nor {}",
                running_device.display(),
                Slot::A.partlabel(),
                Slot::B.partlabel()
            )));
        };
        let other_partuuid = partuuid(&other_device)?;
        Ok(Disk {
            running,
            running_device,
            other_device,
            other_partuuid,
            esp_device,
        })
    }
}

fn canonical(path: &Path) -> Result<PathBuf, UpdateError> {
    std::fs::canonicalize(path).map_err(UpdateError::io("finding a partition", path))
}

/// The GPT partition id of `device`, from udev's `/dev/disk/by-partuuid`.
fn partuuid(device: &Path) -> Result<String, UpdateError> {
    let dir = Path::new("/dev/disk/by-partuuid");
    let entries = std::fs::read_dir(dir).map_err(UpdateError::io("listing partitions", dir))?;
    for entry in entries.flatten() {
        if std::fs::canonicalize(entry.path()).is_ok_and(|target| target == device) {
            return Ok(entry.file_name().to_string_lossy().into_owned());
        }
    }
    Err(UpdateError::Disk(format!(
        "{} has no partition id",
        device.display()
    )))
}

/// The source of the file system mounted at `point` (the last such mount),
/// from `/proc/self/mountinfo`.
pub fn mount_source(mountinfo: &str, point: &str) -> Option<String> {
    mountinfo.lines().rev().find_map(|line| {
        let fields: Vec<&str> = line.split(' ').collect();
        let mounted_at = fields.get(4)?;
        let dash = fields.iter().position(|f| *f == "-")?;
        let source = fields.get(dash + 2)?;
        (*mounted_at == point).then(|| (*source).to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_lower_root_in_mountinfo() {
        let info = "22 1 0:21 / / rw,relatime shared:1 - overlay anlauf-root rw,lowerdir=/run/anlauf-root/lower\n\
                    25 24 254:2 / /run/anlauf-root/lower ro,relatime shared:3 - ext4 /dev/vda2 ro\n\
                    30 22 254:4 / /var/lib/anlauf rw,nosuid shared:9 - ext4 /dev/vda4 rw\n";
        assert_eq!(mount_source(info, LOWER_ROOT).as_deref(), Some("/dev/vda2"));
        assert_eq!(mount_source(info, "/").as_deref(), Some("anlauf-root"));
        assert_eq!(mount_source(info, "/boot"), None);
    }
}
