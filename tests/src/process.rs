//! Looking at processes: children, memory.

use std::time::{Duration, Instant};

/// A child process killed and reaped when the guard goes out of scope
/// (also when a test panics).
#[derive(Debug)]
pub struct Killed(pub std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The direct children of a process.
pub fn children(pid: u32) -> Vec<u32> {
    let path = format!("/proc/{pid}/task/{pid}/children");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect()
}

/// Waits until `pid` has exactly one child different from `not`, and returns it.
pub fn wait_for_child(pid: u32, not: Option<u32>, timeout: Duration) -> Option<u32> {
    let deadline = Instant::now() + timeout;
    loop {
        if let [child] = children(pid)[..]
            && Some(child) != not
        {
            return Some(child);
        }
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A `kB` figure of `/proc/PID/status` (`VmHWM`, `VmRSS`, ...), in kB.
pub fn status_kb(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|line| line.starts_with(&format!("{field}:")))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// The proportional set size of a process, in kB (`/proc/PID/smaps_rollup`).
pub fn pss_kb(pid: u32) -> Option<u64> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    rollup
        .lines()
        .find(|line| line.starts_with("Pss:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// A process and all its descendants.
pub fn tree(pid: u32) -> Vec<u32> {
    let mut all = vec![pid];
    let mut index = 0;
    while index < all.len() {
        let next = children(all[index]);
        all.extend(next);
        index += 1;
    }
    all
}

/// Where a process's writable memory holds `needle`: the names of the
/// mappings (`[heap]`, `[stack]`, `anonymous`, a file) with a hit, one per
/// hit. Only private writable mappings are read: read-only ones are files
/// and code, which cannot hold what someone typed. Regions the kernel
/// refuses to read (guard pages) are skipped. Needs the right to trace the
/// process (root, or its parent).
pub fn memory_hits(pid: u32, needle: &[u8]) -> std::io::Result<Vec<String>> {
    use std::os::unix::fs::FileExt as _;
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps"))?;
    let memory = std::fs::File::open(format!("/proc/{pid}/mem"))?;
    let finder = memchr::memmem::Finder::new(needle);
    const CHUNK: u64 = 4 << 20;
    let mut hits = Vec::new();
    let mut buffer = vec![0u8; CHUNK as usize + needle.len()];
    for line in maps.lines() {
        let mut fields = line.split_whitespace();
        let (Some(range), Some(perms)) = (fields.next(), fields.next()) else {
            continue;
        };
        let name = fields.nth(3).unwrap_or("anonymous");
        if !perms.starts_with("rw") || name == "[vvar]" || name == "[vsyscall]" {
            continue;
        }
        let Some((start, end)) = range.split_once('-') else {
            continue;
        };
        let (Ok(start), Ok(end)) = (u64::from_str_radix(start, 16), u64::from_str_radix(end, 16))
        else {
            continue;
        };
        let mut at = start;
        while at < end {
            // Overlap chunks by the needle's length so no hit is cut in two.
            let want = (end - at).min(CHUNK + needle.len() as u64) as usize;
            let Ok(read) = memory.read_at(&mut buffer[..want], at) else {
                break;
            };
            if read == 0 {
                break;
            }
            hits.extend(
                finder
                    .find_iter(&buffer[..read])
                    .filter(|&offset| offset < CHUNK as usize)
                    .map(|_| name.to_owned()),
            );
            at += CHUNK;
        }
    }
    Ok(hits)
}

/// Processes whose command name (`/proc/PID/comm`) starts with `prefix`.
pub fn named(prefix: &str) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|comm| comm.trim_end().starts_with(prefix))
        })
        .collect()
}
