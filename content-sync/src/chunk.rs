//! Content-defined chunks (FastCDC): a file is cut where its content says,
//! so an edit in one place changes one or two chunks and the rest are found
//! again under the same names.

use serde::{Deserialize, Serialize};

/// Smallest chunk.
pub const MIN_SIZE: usize = 16 * 1024;
/// Average chunk.
pub const AVG_SIZE: usize = 64 * 1024;
/// Largest chunk.
pub const MAX_SIZE: usize = 256 * 1024;

/// The pack index's target name.
pub const INDEX_TARGET: &str = "pack.json";

/// The format of the pack index this code writes and reads.
pub const INDEX_FORMAT: u32 = 1;

/// One chunk of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkRef {
    /// SHA-256 of the chunk, lower-case hex.
    pub sha256: String,
    /// Its length in bytes.
    pub size: u64,
}

impl ChunkRef {
    /// The chunk's target name.
    pub fn target(&self) -> String {
        chunk_target(&self.sha256)
    }
}

/// A file of the pack: its chunks in order. Published as a target of its
/// own, named by its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileManifest {
    /// Path in the pack.
    pub path: String,
    /// Length of the whole file.
    pub size: u64,
    /// SHA-256 of the whole file.
    pub sha256: String,
    /// The chunks, in order.
    pub chunks: Vec<ChunkRef>,
}

/// What `pack.json` lists: the pack's files by manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackIndex {
    /// [`INDEX_FORMAT`].
    pub format: u32,
    /// The pack version (the targets metadata version it was published with).
    pub version: u64,
    /// The pack's name.
    pub name: String,
    /// Path and manifest target of every file.
    pub files: Vec<IndexEntry>,
}

/// One file of the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexEntry {
    /// Path in the pack.
    pub path: String,
    /// Target name of its manifest.
    pub manifest: String,
    /// Length of the file.
    pub size: u64,
}

/// SHA-256 of `data` in lower-case hex.
pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, data))
}

/// Whether `text` is a SHA-256 in lower-case hex.
pub fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The target name of a chunk.
pub fn chunk_target(sha256: &str) -> String {
    format!("chunk-{sha256}")
}

/// The target name of a manifest.
pub fn manifest_target(sha256: &str) -> String {
    format!("manifest-{sha256}.json")
}

/// The hash a manifest's target name carries, if it is one.
pub fn manifest_hash(target: &str) -> Option<&str> {
    target
        .strip_prefix("manifest-")
        .and_then(|name| name.strip_suffix(".json"))
        .filter(|hash| is_sha256_hex(hash))
}

/// Cuts `data` into chunks: each chunk's reference and its bytes.
pub fn split(data: &[u8]) -> Vec<(ChunkRef, &[u8])> {
    fastcdc::v2020::FastCDC::new(data, MIN_SIZE, AVG_SIZE, MAX_SIZE)
        .map(|chunk| {
            let bytes = &data[chunk.offset..chunk.offset + chunk.length];
            (
                ChunkRef {
                    sha256: sha256_hex(bytes),
                    size: chunk.length as u64,
                },
                bytes,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noise(len: usize, seed: u64) -> Vec<u8> {
        let mut state = seed;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect()
    }

    #[test]
    fn chunks_cover_the_file_in_order_within_their_bounds() {
        let data = noise(3_000_000, 7);
        let chunks = split(&data);
        let joined: Vec<u8> = chunks
            .iter()
            .flat_map(|(_, bytes)| bytes.iter().copied())
            .collect();
        assert_eq!(joined, data);
        for (chunk, bytes) in &chunks[..chunks.len() - 1] {
            assert!(chunk.size >= MIN_SIZE as u64 && chunk.size <= MAX_SIZE as u64);
            assert_eq!(chunk.sha256, sha256_hex(bytes));
        }
    }

    #[test]
    fn an_edit_in_the_middle_changes_few_chunks() {
        let data = noise(4_000_000, 11);
        let mut edited = data.clone();
        edited.splice(
            2_000_000..2_000_010,
            b"a small edit, longer than before".iter().copied(),
        );
        let before: std::collections::HashSet<String> =
            split(&data).into_iter().map(|(c, _)| c.sha256).collect();
        let changed = split(&edited)
            .into_iter()
            .filter(|(c, _)| !before.contains(&c.sha256))
            .count();
        assert!((1..=2).contains(&changed), "{changed} chunks changed");
    }
}
