//! The kernel's block devices as sysfs shows them (`/sys/class/block`):
//! disks, their partitions, and what is stacked on them (device mapper,
//! RAID: `holders/`) or under them (`slaves/`).

use std::collections::BTreeSet;
use std::path::Path;

use super::mountinfo::DevId;

/// One block device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockDevice {
    /// The kernel's name, as in `/dev/<name>`.
    pub name: String,
    /// Its number.
    pub dev: DevId,
    /// For a partition, its disk's name.
    pub disk: Option<String>,
    /// The devices this one is made of (device mapper, RAID).
    pub slaves: Vec<String>,
    /// The devices made of this one.
    pub holders: Vec<String>,
    /// A device mapper device's name (`/dev/mapper/<name>`).
    pub dm_name: Option<String>,
}

/// Every block device of the system.
#[derive(Debug, Clone, Default)]
pub struct BlockTree {
    devices: Vec<BlockDevice>,
}

impl BlockTree {
    /// Reads `<sys>/class/block`; a device whose entry cannot be read is
    /// left out.
    pub fn read(sys: &Path) -> std::io::Result<BlockTree> {
        let class = sys.join("class").join("block");
        let mut devices = Vec::new();
        for entry in std::fs::read_dir(&class)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let dir = entry.path();
            let Some(dev) = std::fs::read_to_string(dir.join("dev"))
                .ok()
                .and_then(|text| DevId::parse(&text))
            else {
                continue;
            };
            // A partition's directory lies in its disk's.
            let disk = if dir.join("partition").exists() {
                dir.canonicalize().ok().and_then(|real| {
                    Some(real.parent()?.file_name()?.to_string_lossy().into_owned())
                })
            } else {
                None
            };
            let dm_name = std::fs::read_to_string(dir.join("dm").join("name"))
                .ok()
                .map(|n| n.trim().to_owned());
            devices.push(BlockDevice {
                name,
                dev,
                disk,
                slaves: names_in(&dir.join("slaves")),
                holders: names_in(&dir.join("holders")),
                dm_name,
            });
        }
        devices.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(BlockTree { devices })
    }

    /// The device with this number.
    pub fn by_dev(&self, dev: DevId) -> Option<&BlockDevice> {
        self.devices.iter().find(|d| d.dev == dev)
    }

    /// The device named `name` (`sda1`) or `mapper/<dm name>`.
    pub fn by_name(&self, name: &str) -> Option<&BlockDevice> {
        match name.strip_prefix("mapper/") {
            Some(dm) => self
                .devices
                .iter()
                .find(|d| d.dm_name.as_deref() == Some(dm)),
            None => self.devices.iter().find(|d| d.name == name),
        }
    }

    /// The device a `/dev/...` path names, by its name below `/dev` (no
    /// file system access, so that it works on a copy of sysfs).
    pub fn by_dev_path(&self, path: &Path) -> Option<&BlockDevice> {
        let relative = path.strip_prefix("/dev").ok()?.to_str()?;
        self.by_name(relative)
    }

    /// The whole disks `name` lies on: a partition's disk, the disks under
    /// a device mapper or RAID device, or the device itself.
    pub fn disks_under(&self, name: &str) -> BTreeSet<String> {
        let mut disks = BTreeSet::new();
        self.collect_disks(name, &mut disks, &mut BTreeSet::new());
        disks
    }

    fn collect_disks(&self, name: &str, disks: &mut BTreeSet<String>, seen: &mut BTreeSet<String>) {
        if !seen.insert(name.to_owned()) {
            return;
        }
        let Some(device) = self.by_name(name) else {
            return;
        };
        if let Some(disk) = &device.disk {
            disks.insert(disk.clone());
        } else if device.slaves.is_empty() {
            disks.insert(device.name.clone());
        }
        for slave in &device.slaves {
            self.collect_disks(slave, disks, seen);
        }
    }

    /// `disk`, its partitions, and everything stacked on any of them.
    pub fn stack_on(&self, disk: &str) -> BTreeSet<String> {
        let mut stack = BTreeSet::new();
        let mut todo = vec![disk.to_owned()];
        todo.extend(
            self.devices
                .iter()
                .filter(|d| d.disk.as_deref() == Some(disk))
                .map(|d| d.name.clone()),
        );
        while let Some(name) = todo.pop() {
            if !stack.insert(name.clone()) {
                continue;
            }
            if let Some(device) = self.by_name(&name) {
                todo.extend(device.holders.iter().cloned());
                // A partition of a stacked device (a partitioned RAID).
                todo.extend(
                    self.devices
                        .iter()
                        .filter(|d| d.disk.as_deref() == Some(name.as_str()))
                        .map(|d| d.name.clone()),
                );
            }
        }
        stack
    }
}

/// The entry names of a directory; none when it cannot be read.
fn names_in(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
