//! How the sync talks to a repository: one HTTP client for the whole sync
//! (connections and TLS roots are set up once, not per file), `file://`
//! for repositories on a local disk or stick, a count of the bytes
//! received, and an optional rate limit.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use tough::{FilesystemTransport, Transport, TransportError, TransportErrorKind, TransportStream};
use url::Url;

/// The sync's transport.
#[derive(Debug, Clone)]
pub struct Metered {
    client: reqwest::Client,
    received: Arc<AtomicU64>,
    max_rate: Option<u64>,
    tries: u32,
}

impl Metered {
    /// A transport whose requests may take `timeout` each (longer where the
    /// rate limit needs it for the largest chunk), tried `tries` times when
    /// the connection fails or the server answers 5xx.
    pub fn new(timeout: Duration, max_rate: Option<u64>, tries: u32) -> Result<Metered, String> {
        let needed = max_rate
            .filter(|rate| *rate > 0)
            .map(|rate| Duration::from_secs(2 * crate::chunk::MAX_SIZE as u64 / rate + 1))
            .unwrap_or_default();
        let client = reqwest::Client::builder()
            .connect_timeout(timeout)
            .timeout(timeout.max(needed))
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Metered {
            client,
            received: Arc::new(AtomicU64::new(0)),
            max_rate,
            tries: tries.max(1),
        })
    }

    /// Bytes received so far.
    pub fn received(&self) -> u64 {
        self.received.load(Ordering::Relaxed)
    }

    fn meter(&self, stream: TransportStream) -> TransportStream {
        let received = Arc::clone(&self.received);
        let max_rate = self.max_rate;
        Box::pin(stream.then(move |item| {
            let received = Arc::clone(&received);
            async move {
                if let Ok(bytes) = &item {
                    received.fetch_add(bytes.len() as u64, Ordering::Relaxed);
                    if let Some(rate) = max_rate.filter(|rate| *rate > 0) {
                        let seconds = bytes.len() as f64 / rate as f64;
                        tokio::time::sleep(Duration::from_secs_f64(seconds)).await;
                    }
                }
                item
            }
        }))
    }

    async fn get(&self, url: &Url) -> Result<reqwest::Response, TransportError> {
        let mut attempt = 1;
        loop {
            let retry = match self.client.get(url.clone()).send().await {
                Ok(response) if response.status().is_success() => return Ok(response),
                Ok(response) => {
                    let status = response.status();
                    if matches!(status.as_u16(), 403 | 404 | 410) {
                        return Err(TransportError::new(
                            TransportErrorKind::FileNotFound,
                            url.clone(),
                        ));
                    }
                    if !status.is_server_error() || attempt >= self.tries {
                        return Err(TransportError::new_with_cause(
                            TransportErrorKind::Other,
                            url.clone(),
                            format!("the server answered {status}"),
                        ));
                    }
                    format!("the server answered {status}")
                }
                Err(error)
                    if attempt < self.tries && (error.is_connect() || error.is_timeout()) =>
                {
                    error.to_string()
                }
                Err(error) => {
                    return Err(TransportError::new_with_cause(
                        TransportErrorKind::Other,
                        url.clone(),
                        error,
                    ));
                }
            };
            tracing::debug!(attempt, why = %retry, "request failed; trying again");
            tokio::time::sleep(Duration::from_millis(200 * u64::from(attempt))).await;
            attempt += 1;
        }
    }
}

#[tough::async_trait]
impl Transport for Metered {
    async fn fetch(&self, url: Url) -> Result<TransportStream, TransportError> {
        if url.scheme() == "file" {
            return Ok(self.meter(FilesystemTransport.fetch(url).await?));
        }
        if !matches!(url.scheme(), "http" | "https") {
            return Err(TransportError::new(
                TransportErrorKind::UnsupportedUrlScheme,
                url,
            ));
        }
        let response = self.get(&url).await?;
        let stream = response.bytes_stream().map_err(move |error| {
            TransportError::new_with_cause(TransportErrorKind::Other, url.clone(), error)
        });
        Ok(self.meter(Box::pin(stream)))
    }
}
