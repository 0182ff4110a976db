//! E-mail over SMTP with lettre: plain SMTP for a local sink, STARTTLS or implicit TLS (rustls)
//! for a real server, as the URL says. One connection per message: a few messages a minute do
//! not need a pool, and a broken connection then never outlives one message.

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::delivery::{Failure, SEND_TIMEOUT, SetupError, SmtpUrl};

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    server: SmtpUrl,
}

impl Mailer {
    pub fn new(url: &SmtpUrl, from: &str) -> Result<Mailer, SetupError> {
        let from: Mailbox = from.trim().parse().map_err(|_| SetupError::MailFrom)?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
            .map_err(|e| SetupError::Smtp {
                url: url.clone(),
                reason: e.to_string(),
            })?
            .timeout(Some(SEND_TIMEOUT))
            .build();
        Ok(Mailer {
            transport,
            from,
            server: url.clone(),
        })
    }

    pub fn describe(&self) -> String {
        self.server.to_string()
    }

    pub async fn send(&self, to: &str, subject: &str, text: &str) -> Result<(), Failure> {
        let to: Mailbox = to
            .parse()
            .map_err(|_| Failure::permanent("recipient address unusable"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(text.to_owned())
            .map_err(|_| Failure::permanent("message could not be built"))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| failure(&e))
    }
}

/// The kind of failure and the reply code only: the server's text may quote the address.
fn failure(e: &lettre::transport::smtp::Error) -> Failure {
    match e.status() {
        Some(code) if e.is_permanent() => Failure::permanent(format!("smtp {code}")),
        Some(code) => Failure::transient(format!("smtp {code}")),
        None if e.is_timeout() => Failure::transient("smtp timeout"),
        None if e.is_tls() => Failure::transient("smtp tls"),
        None => Failure::transient("smtp connection"),
    }
}
