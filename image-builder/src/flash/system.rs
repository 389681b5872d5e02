//! What the running system uses: the disks under `/`, `/boot`,
//! `/boot/efi` and `/usr`, and every mounted or swapping block device.
//! Built from mountinfo, `/proc/swaps` and sysfs, which a test can give as
//! a copy ([`SystemView::from_parts`]).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::blockdev::BlockTree;
use super::mountinfo::{Mount, MountinfoError, parse_mountinfo, parse_swaps};

/// The mount points whose disks hold the running system.
pub const SYSTEM_MOUNT_POINTS: [&str; 4] = ["/", "/boot", "/boot/efi", "/usr"];

/// How deep overlays on overlays are followed.
const MAX_DEPTH: usize = 8;

/// The mounts, swaps and block devices of a system.
#[derive(Debug, Clone)]
pub struct SystemView {
    mounts: Vec<Mount>,
    swaps: Vec<PathBuf>,
    tree: BlockTree,
    /// Whether `/dev/...` paths may be resolved on this machine's file
    /// system (symbolic links such as `/dev/disk/by-id/...`).
    live: bool,
}

/// A disk that holds the running system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemDisk {
    /// The disk's kernel name (`sda`).
    pub disk: String,
    /// The system mount point on it (`/`).
    pub mount_point: PathBuf,
}

/// Why a disk is in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Usage {
    /// It, a partition of it, or a device on them is mounted.
    Mounted {
        /// The mounted device's kernel name.
        device: String,
        /// Where.
        mount_point: PathBuf,
    },
    /// It, a partition of it, or a device on them is swap.
    Swap {
        /// The device's kernel name.
        device: String,
    },
}

/// Reading the system's state failed.
#[derive(Debug, thiserror::Error)]
pub enum SystemError {
    /// A file of /proc or /sys.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// mountinfo is not understood.
    #[error(transparent)]
    Mountinfo(#[from] MountinfoError),
}

impl SystemView {
    /// This process's view: `/proc/self/mountinfo`, `/proc/swaps`, `/sys`.
    pub fn read() -> Result<SystemView, SystemError> {
        let read = |path: &str| {
            std::fs::read_to_string(path).map_err(|source| SystemError::Read {
                path: path.into(),
                source,
            })
        };
        let mut view = SystemView::from_parts(
            &read("/proc/self/mountinfo")?,
            &read("/proc/swaps")?,
            Path::new("/sys"),
        )?;
        view.live = true;
        Ok(view)
    }

    /// A view from given mountinfo and swaps text and a sysfs directory.
    pub fn from_parts(mountinfo: &str, swaps: &str, sys: &Path) -> Result<SystemView, SystemError> {
        let tree = BlockTree::read(sys).map_err(|source| SystemError::Read {
            path: sys.join("class/block"),
            source,
        })?;
        Ok(SystemView {
            mounts: parse_mountinfo(mountinfo)?,
            swaps: parse_swaps(swaps),
            tree,
            live: false,
        })
    }

    /// The block devices.
    pub fn tree(&self) -> &BlockTree {
        &self.tree
    }

    /// The disks under the system's mount points. Empty when none can be
    /// resolved (an overlay root in a container whose layers lie outside
    /// its view): then no disk is taken for the system's.
    pub fn system_disks(&self) -> Vec<SystemDisk> {
        let mut disks: Vec<SystemDisk> = Vec::new();
        for point in SYSTEM_MOUNT_POINTS {
            // The last mount on a point is the one in effect.
            let Some(mount) = self
                .mounts
                .iter()
                .rev()
                .find(|m| m.mount_point == Path::new(point))
            else {
                continue;
            };
            for device in self.backing(mount, &mut BTreeSet::new(), 0) {
                for disk in self.tree.disks_under(&device) {
                    if !disks.iter().any(|d| d.disk == disk) {
                        disks.push(SystemDisk {
                            disk,
                            mount_point: PathBuf::from(point),
                        });
                    }
                }
            }
        }
        disks
    }

    /// Whether `disk` (a kernel name), a partition of it or a device stacked
    /// on them is mounted or swap; the first such use.
    pub fn usage(&self, disk: &str) -> Option<Usage> {
        let stack = self.tree.stack_on(disk);
        for mount in &self.mounts {
            let backing = self.backing(mount, &mut BTreeSet::new(), 0);
            if let Some(device) = backing.into_iter().find(|d| stack.contains(d)) {
                return Some(Usage::Mounted {
                    device,
                    mount_point: mount.mount_point.clone(),
                });
            }
        }
        self.swaps
            .iter()
            .filter_map(|swap| self.device_of_path(swap))
            .find(|device| stack.contains(device))
            .map(|device| Usage::Swap { device })
    }

    /// The block devices (kernel names) a mount lies on: by its device
    /// number, by its source (`/dev/sda2` for btrfs, whose number is
    /// anonymous), and for an overlay by the mounts of its layers.
    fn backing(
        &self,
        mount: &Mount,
        seen: &mut BTreeSet<PathBuf>,
        depth: usize,
    ) -> BTreeSet<String> {
        let mut devices = BTreeSet::new();
        if depth > MAX_DEPTH || !seen.insert(mount.mount_point.clone()) {
            return devices;
        }
        if let Some(device) = self.tree.by_dev(mount.device) {
            devices.insert(device.name.clone());
        }
        if mount.source.starts_with("/dev/")
            && let Some(device) = self.device_of_path(Path::new(&mount.source))
        {
            devices.insert(device);
        }
        if mount.fs_type == "overlay" {
            for layer in overlay_layers(&mount.super_options) {
                if let Some(under) = self.mount_containing(&layer, mount) {
                    devices.extend(self.backing(under, seen, depth + 1));
                }
            }
        }
        devices
    }

    /// The mount a path lies in (the longest mount point above it), other
    /// than `not`.
    fn mount_containing(&self, path: &Path, not: &Mount) -> Option<&Mount> {
        self.mounts
            .iter()
            .rev()
            .filter(|m| *m != not && path.starts_with(&m.mount_point))
            .max_by_key(|m| m.mount_point.components().count())
    }

    /// The kernel name of the block device at `path` (`/dev/sda1`,
    /// `/dev/mapper/root`, or a link to one on a live system).
    fn device_of_path(&self, path: &Path) -> Option<String> {
        if let Some(device) = self.tree.by_dev_path(path) {
            return Some(device.name.clone());
        }
        if !self.live {
            return None;
        }
        let real = path.canonicalize().ok()?;
        self.tree.by_dev_path(&real).map(|d| d.name.clone())
    }
}

/// The directories of an overlay's `lowerdir=a:b`, `upperdir=`.
fn overlay_layers(options: &str) -> Vec<PathBuf> {
    let mut layers = Vec::new();
    for option in options.split(',') {
        if let Some(lower) = option.strip_prefix("lowerdir=") {
            layers.extend(
                lower
                    .split(':')
                    .filter(|p| !p.is_empty())
                    .map(PathBuf::from),
            );
        } else if let Some(upper) = option.strip_prefix("upperdir=") {
            layers.push(PathBuf::from(upper));
        }
    }
    layers
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A sysfs copy: `devices/<disk>/<partition>` directories with `dev`
    /// files, linked from `class/block/<name>` like the kernel does.
    struct FakeSys {
        dir: tempfile::TempDir,
    }

    impl FakeSys {
        fn new() -> FakeSys {
            let dir = tempfile::tempdir().unwrap();
            std::fs::create_dir_all(dir.path().join("class/block")).unwrap();
            FakeSys { dir }
        }

        /// Adds a device at `devices/<path>` (for a partition `sda/sda1`).
        fn add(&self, path: &str, dev: &str) -> &FakeSys {
            let real = self.dir.path().join("devices").join(path);
            std::fs::create_dir_all(real.join("holders")).unwrap();
            std::fs::create_dir_all(real.join("slaves")).unwrap();
            std::fs::write(real.join("dev"), format!("{dev}\n")).unwrap();
            let name = path.rsplit('/').next().unwrap();
            if path.contains('/') {
                std::fs::write(real.join("partition"), "1\n").unwrap();
            }
            symlink(
                format!("../../devices/{path}"),
                self.dir.path().join("class/block").join(name),
            )
            .unwrap();
            self
        }

        /// `holder` (a device mapper device) is made of `slave`.
        fn stack(&self, holder: &str, dm_name: &str, slave_path: &str) -> &FakeSys {
            let slave = slave_path.rsplit('/').next().unwrap();
            let holder_dir = self.dir.path().join("devices").join(holder);
            std::fs::create_dir_all(holder_dir.join("dm")).unwrap();
            std::fs::write(holder_dir.join("dm/name"), dm_name).unwrap();
            std::fs::write(holder_dir.join("slaves").join(slave), "").unwrap();
            let slave_dir = self.dir.path().join("devices").join(slave_path);
            std::fs::write(slave_dir.join("holders").join(holder), "").unwrap();
            self
        }
    }

    const NO_SWAPS: &str = "Filename\tType\tSize\tUsed\tPriority\n";

    #[test]
    fn root_on_a_partition_gives_its_disk_and_other_disks_stay_free() {
        let sys = FakeSys::new();
        sys.add("sda", "8:0")
            .add("sda/sda1", "8:1")
            .add("sda/sda2", "8:2");
        sys.add("sdb", "8:16").add("sdb/sdb1", "8:17");
        let mountinfo = "\
1 0 8:2 / / rw - ext4 /dev/sda2 rw
2 1 8:1 / /boot/efi rw - vfat /dev/sda1 rw
3 1 0:20 / /tmp rw - tmpfs tmpfs rw
";
        let view = SystemView::from_parts(mountinfo, NO_SWAPS, sys.dir.path()).unwrap();
        let disks = view.system_disks();
        assert_eq!(
            disks,
            vec![SystemDisk {
                disk: "sda".into(),
                mount_point: "/".into()
            }]
        );
        assert_eq!(
            view.usage("sda"),
            Some(Usage::Mounted {
                device: "sda2".into(),
                mount_point: "/".into()
            })
        );
        assert_eq!(view.usage("sdb"), None);
    }

    #[test]
    fn root_on_encrypted_lvm_is_followed_to_its_disk() {
        let sys = FakeSys::new();
        sys.add("nvme0n1", "259:0")
            .add("nvme0n1/nvme0n1p3", "259:3")
            .add("dm-0", "254:0");
        sys.stack("dm-0", "root", "nvme0n1/nvme0n1p3");
        let mountinfo = "1 0 254:0 / / rw - ext4 /dev/mapper/root rw\n";
        let view = SystemView::from_parts(mountinfo, NO_SWAPS, sys.dir.path()).unwrap();
        assert_eq!(view.system_disks()[0].disk, "nvme0n1");
        assert_eq!(
            view.usage("nvme0n1"),
            Some(Usage::Mounted {
                device: "dm-0".into(),
                mount_point: "/".into()
            })
        );
    }

    #[test]
    fn btrfs_with_an_anonymous_number_is_found_by_its_source() {
        let sys = FakeSys::new();
        sys.add("vda", "254:0").add("vda/vda2", "254:2");
        let mountinfo = "1 0 0:31 /@ / rw - btrfs /dev/vda2 rw,subvol=/@\n";
        let view = SystemView::from_parts(mountinfo, NO_SWAPS, sys.dir.path()).unwrap();
        assert_eq!(view.system_disks()[0].disk, "vda");
    }

    #[test]
    fn overlay_root_follows_its_layers_and_gives_up_quietly_when_they_are_out_of_view() {
        let sys = FakeSys::new();
        sys.add("sda", "8:0")
            .add("sda/sda1", "8:1")
            .add("sdc", "8:32");
        // A live system: the overlay's layers lie on /run/live/medium.
        let live = "\
1 0 0:40 / / rw - overlay overlay rw,lowerdir=/run/live/rootfs,upperdir=/run/live/overlay/rw,workdir=/run/live/overlay/work
2 1 8:1 / /run/live/rootfs ro - ext4 /dev/sda1 ro
3 1 0:41 / /run/live/overlay rw - tmpfs tmpfs rw
";
        let view = SystemView::from_parts(live, NO_SWAPS, sys.dir.path()).unwrap();
        assert_eq!(view.system_disks()[0].disk, "sda");
        // A container: the layers are on the host, not in this view.
        let container = "\
600 500 0:52 / / rw - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/A:/var/lib/docker/overlay2/l/B,upperdir=/var/lib/docker/overlay2/x/diff,workdir=/var/lib/docker/overlay2/x/work
601 600 0:53 / /proc rw - proc proc rw
";
        let view = SystemView::from_parts(container, NO_SWAPS, sys.dir.path()).unwrap();
        assert!(view.system_disks().is_empty());
        assert_eq!(view.usage("sdc"), None);
    }

    #[test]
    fn swap_partitions_count_as_use() {
        let sys = FakeSys::new();
        sys.add("sdb", "8:16").add("sdb/sdb2", "8:18");
        let swaps = format!("{NO_SWAPS}/dev/sdb2 partition 1024 0 -2\n/swapfile file 1024 0 -3\n");
        let view = SystemView::from_parts("", &swaps, sys.dir.path()).unwrap();
        assert_eq!(
            view.usage("sdb"),
            Some(Usage::Swap {
                device: "sdb2".into()
            })
        );
    }

    #[test]
    fn the_last_mount_on_a_point_counts_for_the_system() {
        let sys = FakeSys::new();
        sys.add("sda", "8:0").add("sdb", "8:16");
        let mountinfo = "1 0 8:0 / / rw - ext4 /dev/sda rw\n2 1 8:16 / / rw - ext4 /dev/sdb rw\n";
        let view = SystemView::from_parts(mountinfo, NO_SWAPS, sys.dir.path()).unwrap();
        let disks: Vec<String> = view.system_disks().into_iter().map(|d| d.disk).collect();
        assert_eq!(disks, vec!["sdb".to_owned()]);
    }
}
