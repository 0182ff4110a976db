//! A webhook receiver: the SMS gateway's stand-in. Keeps every request (one per connection, as
//! answered with `Connection: close`) and can answer the next ones with `500`.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use crate::loopback::{Listener, Record};

/// Requests larger than this are refused (the SMS payload is a few hundred bytes).
const MAX_BODY: usize = 64 * 1024;

/// One request as it arrived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookRequest {
    pub method: String,
    pub path: String,
    /// Names in lower case, in the order sent.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl WebhookRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// An HTTP/1.1 endpoint on a free loopback port. Stops when dropped.
pub struct WebhookReceiver {
    listener: Listener,
    record: Arc<Record<WebhookRequest>>,
}

impl WebhookReceiver {
    pub async fn start() -> std::io::Result<WebhookReceiver> {
        let record = Arc::new(Record::default());
        let listener = Listener::start(&record, |stream, record| async move {
            exchange(stream, &record).await
        })
        .await?;
        Ok(WebhookReceiver { listener, record })
    }

    pub fn addr(&self) -> SocketAddr {
        self.listener.addr()
    }

    /// `http://127.0.0.1:PORT/sms`, for `--sms-webhook-url`.
    pub fn url(&self) -> String {
        format!("http://{}/sms", self.addr())
    }

    /// Every request answered with success so far, oldest first.
    pub fn requests(&self) -> Vec<WebhookRequest> {
        self.record.items()
    }

    /// Answers the next `n` requests with `500 Internal Server Error` (and forgets them).
    pub fn fail_next(&self, n: u32) {
        self.record.fail_next(n);
    }

    /// How many requests were answered with `500` so far.
    pub fn refused(&self) -> u32 {
        self.record.refused()
    }

    /// The requests once there are at least `count`, or whatever arrived when `timeout` passed.
    pub async fn wait_for(&self, count: usize, timeout: Duration) -> Vec<WebhookRequest> {
        self.record.wait_for(count, timeout).await
    }
}

async fn exchange(stream: TcpStream, record: &Record<WebhookRequest>) -> std::io::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    let mut line = String::new();
    reader.read_line(&mut line).await?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let mut headers = Vec::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    let length = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .and_then(|(_, value)| value.parse::<usize>().ok())
        .unwrap_or(0);
    if length > MAX_BODY {
        return respond(&mut writer, "413 Content Too Large", "").await;
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await?;
    if record.take_failure() {
        return respond(&mut writer, "500 Internal Server Error", "").await;
    }
    record.push(WebhookRequest {
        method,
        path,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    });
    respond(&mut writer, "200 OK", "{\"status\":\"queued\"}").await
}

async fn respond(
    writer: &mut tokio::net::tcp::OwnedWriteHalf,
    status: &str,
    body: &str,
) -> std::io::Result<()> {
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    );
    writer.write_all(response.as_bytes()).await?;
    writer.shutdown().await
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn post(receiver: &WebhookReceiver, body: &str) -> String {
        let mut client = TcpStream::connect(receiver.addr()).await.unwrap();
        let request = format!(
            "POST /sms HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        );
        client.write_all(request.as_bytes()).await.unwrap();
        let mut answer = String::new();
        client.read_to_string(&mut answer).await.unwrap();
        answer
    }

    #[tokio::test]
    async fn keeps_bodies_and_fails_when_told() {
        let receiver = WebhookReceiver::start().await.unwrap();
        receiver.fail_next(1);
        let first = post(&receiver, "{\"to\":\"a\"}").await;
        assert!(first.starts_with("HTTP/1.1 500"), "{first}");
        let second = post(&receiver, "{\"to\":\"b\"}").await;
        assert!(second.starts_with("HTTP/1.1 200"), "{second}");
        let requests = receiver.wait_for(1, Duration::from_secs(2)).await;
        assert_eq!(requests.len(), 1);
        assert_eq!(requests[0].body, "{\"to\":\"b\"}");
        assert_eq!(requests[0].path, "/sms");
        assert_eq!(requests[0].header("Content-Type"), Some("application/json"));
        assert_eq!(receiver.refused(), 1);
    }
}
