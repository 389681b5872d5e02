//! A static HTTP/1.1 server on 127.0.0.1 that serves a directory, with
//! faults a test switches on: a connection dropped mid-body, a slow
//! trickle, a wrong Content-Length, an error status, one file served for
//! another, or every request failing after a number of them. It counts the
//! body bytes it sent.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What goes wrong, for requests whose path contains `matching`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Send half the body, then close; `times` requests, then serve normally.
    DropMidBody {
        /// How many requests fail this way.
        times: u32,
    },
    /// Send the body at this many bytes per second.
    Trickle {
        /// Bytes per second.
        rate: u64,
    },
    /// Claim a longer body than is sent, then close.
    WrongLength,
    /// Answer with this status and no body.
    Status(u16),
    /// Serve the file at this path (relative to the root) instead.
    Swap(String),
    /// Answer normally `count` matching requests, then close every later one.
    FailAfter(u32),
}

#[derive(Debug, Default)]
struct Faults(Vec<(String, Fault)>);

/// A running server; stops when dropped.
#[derive(Debug)]
pub struct Server {
    port: u16,
    faults: Arc<Mutex<Faults>>,
    sent: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// Serves `root` on a free port of 127.0.0.1.
    pub fn start(root: &Path) -> std::io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let faults = Arc::new(Mutex::new(Faults::default()));
        let sent = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let root = root.to_owned();
        let (f, s, st) = (Arc::clone(&faults), Arc::clone(&sent), Arc::clone(&stop));
        thread::spawn(move || {
            for stream in listener.incoming() {
                if st.load(Ordering::Relaxed) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (root, f, s) = (root.clone(), Arc::clone(&f), Arc::clone(&s));
                thread::spawn(move || {
                    let _ = serve(stream, &root, &f, &s);
                });
            }
        });
        Ok(Server {
            port,
            faults,
            sent,
            stop,
        })
    }

    /// The base URL, ending in `/`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Adds a fault for paths containing `matching`.
    pub fn fault(&self, matching: &str, fault: Fault) {
        if let Ok(mut faults) = self.faults.lock() {
            faults.0.push((matching.to_owned(), fault));
        }
    }

    /// Removes every fault.
    pub fn heal(&self) {
        if let Ok(mut faults) = self.faults.lock() {
            faults.0.clear();
        }
    }

    /// Body bytes sent so far.
    pub fn sent(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// The fault for `path`, counting down the limited ones.
fn fault_for(faults: &Mutex<Faults>, path: &str) -> Option<Fault> {
    let mut faults = faults.lock().ok()?;
    for (matching, fault) in faults.0.iter_mut() {
        if !path.contains(matching.as_str()) {
            continue;
        }
        match fault {
            Fault::DropMidBody { times } if *times == 0 => continue,
            Fault::DropMidBody { times } => {
                *times -= 1;
                return Some(Fault::DropMidBody { times: 1 });
            }
            Fault::FailAfter(count) if *count > 0 => {
                *count -= 1;
                return None;
            }
            other => return Some(other.clone()),
        }
    }
    None
}

fn serve(
    stream: TcpStream,
    root: &Path,
    faults: &Mutex<Faults>,
    sent: &AtomicU64,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut stream = stream;
    loop {
        let mut request = String::new();
        if reader.read_line(&mut request)? == 0 {
            return Ok(());
        }
        let mut range_start: Option<usize> = None;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
                break;
            }
            let lower = header.to_ascii_lowercase();
            if let Some(value) = lower.strip_prefix("range: bytes=") {
                range_start = value.trim().split('-').next().and_then(|v| v.parse().ok());
            }
        }
        let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
        let fault = fault_for(faults, &path);
        let relative = match &fault {
            Some(Fault::Swap(other)) => other.clone(),
            _ => path.trim_start_matches('/').to_owned(),
        };
        if relative.split('/').any(|part| part == "..") {
            stream.write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")?;
            continue;
        }
        if let Some(Fault::Status(code)) = fault {
            write!(stream, "HTTP/1.1 {code} Fault\r\nContent-Length: 0\r\n\r\n")?;
            continue;
        }
        if let Some(Fault::FailAfter(_)) = fault {
            return Ok(());
        }
        let file: PathBuf = root.join(&relative);
        let Ok(body) = std::fs::read(&file) else {
            stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")?;
            continue;
        };
        let start = range_start.unwrap_or(0).min(body.len());
        let body = &body[start..];
        let status = if range_start.is_some() {
            "206 Partial Content"
        } else {
            "200 OK"
        };
        let claimed = if fault == Some(Fault::WrongLength) {
            body.len() + 1000
        } else {
            body.len()
        };
        write!(
            stream,
            "HTTP/1.1 {status}\r\nContent-Length: {claimed}\r\nAccept-Ranges: bytes\r\n\r\n"
        )?;
        match fault {
            Some(Fault::DropMidBody { .. }) => {
                let half = &body[..body.len() / 2];
                stream.write_all(half)?;
                sent.fetch_add(half.len() as u64, Ordering::Relaxed);
                return Ok(());
            }
            Some(Fault::Trickle { rate }) => {
                for piece in body.chunks(rate.clamp(1, 1 << 20) as usize / 10 + 1) {
                    stream.write_all(piece)?;
                    sent.fetch_add(piece.len() as u64, Ordering::Relaxed);
                    thread::sleep(Duration::from_millis(100));
                }
            }
            Some(Fault::WrongLength) => {
                stream.write_all(body)?;
                sent.fetch_add(body.len() as u64, Ordering::Relaxed);
                return Ok(());
            }
            _ => {
                stream.write_all(body)?;
                sent.fetch_add(body.len() as u64, Ordering::Relaxed);
            }
        }
    }
}
