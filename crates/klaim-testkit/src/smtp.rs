//! An SMTP sink: accepts what lettre sends over plain SMTP, keeps each message, and can refuse
//! the next deliveries with a temporary error (as a busy mail server does).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use crate::loopback::{Listener, Record};

/// One message as it arrived: the envelope and the raw data (headers, blank line, body) with the
/// SMTP dot-stuffing undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

impl Mail {
    /// The raw header section (before the first blank line).
    pub fn head(&self) -> &str {
        self.data
            .split_once("\r\n\r\n")
            .map_or(self.data.as_str(), |(head, _)| head)
    }

    /// Everything after the header section, as sent (with its transfer encoding).
    pub fn body(&self) -> &str {
        self.data
            .split_once("\r\n\r\n")
            .map_or("", |(_, body)| body)
    }

    /// A header's value with folded lines joined; the name is matched without regard to case.
    pub fn header(&self, name: &str) -> Option<String> {
        let mut found: Option<String> = None;
        for line in self.head().split("\r\n") {
            if line.starts_with([' ', '\t']) {
                if let Some(value) = found.as_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                continue;
            }
            if found.is_some() {
                break;
            }
            if let Some((key, value)) = line.split_once(':')
                && key.trim().eq_ignore_ascii_case(name)
            {
                found = Some(value.trim().to_owned());
            }
        }
        found
    }

    pub fn subject(&self) -> Option<String> {
        self.header("Subject")
    }
}

/// An SMTP server on a free loopback port. Stops when dropped.
pub struct SmtpSink {
    listener: Listener,
    record: Arc<Record<Mail>>,
}

impl SmtpSink {
    pub async fn start() -> std::io::Result<SmtpSink> {
        let record = Arc::new(Record::default());
        let listener = Listener::start(&record, |stream, record| async move {
            session(stream, &record).await
        })
        .await?;
        Ok(SmtpSink { listener, record })
    }

    pub fn addr(&self) -> SocketAddr {
        self.listener.addr()
    }

    /// `smtp://127.0.0.1:PORT`: plain SMTP, for `--smtp-url`.
    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr())
    }

    /// Every message accepted so far, oldest first.
    pub fn mails(&self) -> Vec<Mail> {
        self.record.items()
    }

    /// Refuses the next `n` deliveries with `451 4.3.0` (a temporary failure) at `MAIL FROM`.
    pub fn fail_next(&self, n: u32) {
        self.record.fail_next(n);
    }

    /// How many deliveries were refused so far.
    pub fn refused(&self) -> u32 {
        self.record.refused()
    }

    /// The messages once there are at least `count`, or whatever arrived when `timeout` passed.
    pub async fn wait_for(&self, count: usize, timeout: Duration) -> Vec<Mail> {
        self.record.wait_for(count, timeout).await
    }
}

/// `<address>` out of `MAIL FROM:<a@b> BODY=8BITMIME`.
fn address(argument: &str) -> String {
    let start = argument.find('<').map_or(0, |i| i + 1);
    let end = argument[start..]
        .find('>')
        .map_or(argument.len(), |i| start + i);
    argument[start..end].trim().to_owned()
}

async fn session(stream: TcpStream, record: &Record<Mail>) -> std::io::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    writer.write_all(b"220 klaim-testkit ESMTP\r\n").await?;
    let mut from: Option<String> = None;
    let mut to: Vec<String> = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let command = String::from_utf8_lossy(&line).trim_end().to_owned();
        let upper = command.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") {
            b"250-klaim-testkit\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760\r\n"
        } else if upper.starts_with("HELO") {
            b"250 klaim-testkit\r\n"
        } else if upper.starts_with("MAIL FROM:") {
            to.clear();
            if record.take_failure() {
                from = None;
                b"451 4.3.0 Temporarily unable to accept mail, try again later\r\n"
            } else {
                from = Some(address(&command["MAIL FROM:".len()..]));
                b"250 2.1.0 OK\r\n"
            }
        } else if upper.starts_with("RCPT TO:") {
            if from.is_none() {
                b"503 5.5.1 MAIL first\r\n"
            } else {
                to.push(address(&command["RCPT TO:".len()..]));
                b"250 2.1.5 OK\r\n"
            }
        } else if upper == "DATA" {
            match from.take() {
                Some(sender) if !to.is_empty() => {
                    writer
                        .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                        .await?;
                    let data = read_data(&mut reader).await?;
                    record.push(Mail {
                        from: sender,
                        to: std::mem::take(&mut to),
                        data,
                    });
                    b"250 2.0.0 Queued\r\n"
                }
                _ => b"503 5.5.1 MAIL and RCPT first\r\n",
            }
        } else if upper == "RSET" {
            from = None;
            to.clear();
            b"250 2.0.0 OK\r\n"
        } else if upper.starts_with("NOOP") {
            b"250 2.0.0 OK\r\n"
        } else if upper == "QUIT" {
            writer.write_all(b"221 2.0.0 Bye\r\n").await?;
            return Ok(());
        } else {
            b"502 5.5.2 Command not implemented\r\n"
        };
        writer.write_all(reply).await?;
    }
}

/// The message after `DATA`, up to the line with a single dot; leading dots unstuffed.
async fn read_data(
    reader: &mut BufReader<tokio::net::tcp::OwnedReadHalf>,
) -> std::io::Result<String> {
    let mut data = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if line == b".\r\n" || line == b".\n" {
            break;
        }
        let unstuffed = line.strip_prefix(b".").unwrap_or(&line);
        data.extend_from_slice(unstuffed);
    }
    // The CRLF before the terminating dot belongs to the protocol, not to the message.
    if data.ends_with(b"\r\n") {
        data.truncate(data.len() - 2);
    }
    Ok(String::from_utf8_lossy(&data).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_unfold_and_the_body_follows_the_blank_line() {
        let mail = Mail {
            from: "a@b".into(),
            to: vec!["c@d".into()],
            data: "From: a@b\r\nSubject: one\r\n two\r\nTo: c@d\r\n\r\nHello\r\n..there".into(),
        };
        assert_eq!(mail.subject().as_deref(), Some("one two"));
        assert_eq!(mail.header("to").as_deref(), Some("c@d"));
        assert_eq!(mail.header("Cc"), None);
        assert_eq!(mail.body(), "Hello\r\n..there");
    }

    #[test]
    fn addresses_come_out_of_the_angle_brackets() {
        assert_eq!(address("<a@b.example> BODY=8BITMIME"), "a@b.example");
        assert_eq!(address(" <> "), "");
    }

    #[tokio::test]
    async fn a_conversation_is_kept_and_failures_are_temporary() {
        use tokio::io::AsyncReadExt;
        let sink = SmtpSink::start().await.unwrap();
        sink.fail_next(1);
        let mut client = TcpStream::connect(sink.addr()).await.unwrap();
        let script = "EHLO t\r\nMAIL FROM:<a@b>\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n\
                      Subject: hi\r\n\r\n..dot\r\n.\r\nQUIT\r\n";
        client.write_all(script.as_bytes()).await.unwrap();
        let mut transcript = String::new();
        client.read_to_string(&mut transcript).await.unwrap();
        assert!(transcript.contains("451 4.3.0"), "{transcript}");
        assert!(transcript.ends_with("221 2.0.0 Bye\r\n"), "{transcript}");
        let mails = sink.wait_for(1, Duration::from_secs(2)).await;
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].to, vec!["c@d".to_owned()]);
        assert_eq!(mails[0].subject().as_deref(), Some("hi"));
        assert_eq!(mails[0].body(), ".dot");
        assert_eq!(sink.refused(), 1);
    }
}
