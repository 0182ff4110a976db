//! How queued messages leave the server: e-mail over SMTP ([`Mailer`]), SMS through an HTTP
//! webhook ([`SmsWebhook`]), or — for a channel without a transport configured — the server log
//! (development and tests: the masked recipient and the text, never the address).

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use klaim_core::forms::account::Channel;

use super::mail::Mailer;
use super::outbox::Kind;
use super::sms::SmsWebhook;

/// How long one step of a delivery (connecting, one SMTP command, the webhook's answer) may
/// take before it counts as failed and is tried again later.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(10);

/// The server's flags for delivery. Without any, every message is printed to the log.
#[derive(Clone, Debug, Default, Args)]
pub struct DeliveryArgs {
    /// SMTP server for e-mail: `smtp://HOST:PORT` (plain, e.g. a local sink),
    /// `smtp://HOST:587?tls=required` (STARTTLS), `smtps://HOST` (TLS); a user and password may
    /// come before the host. Without it, e-mails are printed to the log (development only).
    #[arg(
        long,
        env = "KLAIM_SMTP_URL",
        hide_env_values = true,
        requires = "mail_from"
    )]
    pub smtp_url: Option<SmtpUrl>,
    /// The sender of e-mails, e.g. `Klaim <no-reply@klaim.example.id>`.
    #[arg(long, env = "KLAIM_MAIL_FROM")]
    pub mail_from: Option<String>,
    /// SMS gateway: each SMS is POSTed here as JSON `{"to": "+62…", "text": "…"}`; any 2xx
    /// answer means accepted. Without it, SMS are printed to the log (development only).
    #[arg(long, env = "KLAIM_SMS_WEBHOOK_URL", hide_env_values = true)]
    pub sms_webhook_url: Option<WebhookUrl>,
    /// Sent to the SMS gateway as `Authorization: Bearer …`.
    #[arg(
        long,
        env = "KLAIM_SMS_WEBHOOK_TOKEN",
        hide_env_values = true,
        requires = "sms_webhook_url"
    )]
    pub sms_webhook_token: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("--mail-from is not an e-mail address (like `Klaim <no-reply@example.id>`)")]
    MailFrom,
    #[error("the SMTP server {url} cannot be used: {reason}")]
    Smtp { url: SmtpUrl, reason: String },
    #[error("the SMS webhook cannot be used: {0}")]
    Webhook(String),
}

/// An SMTP URL. `Display` and `Debug` leave out the user, password and options, so it can be
/// logged.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpUrl(String);

impl SmtpUrl {
    /// The URL with any credentials in it: for connecting only, never for logs.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl FromStr for SmtpUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<SmtpUrl, String> {
        let s = s.trim();
        let rest = s
            .strip_prefix("smtp://")
            .or_else(|| s.strip_prefix("smtps://"))
            .ok_or("expected smtp://HOST:PORT or smtps://HOST:PORT")?;
        if rest.is_empty() || rest.starts_with(['/', '?', ':']) {
            return Err("the SMTP URL names no host".into());
        }
        Ok(SmtpUrl(s.to_owned()))
    }
}

impl fmt::Display for SmtpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (scheme, rest) = self.0.split_once("://").unwrap_or(("smtp", &self.0));
        let authority = rest.split(['/', '?']).next().unwrap_or_default();
        let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        write!(f, "{scheme}://{host}")
    }
}

impl fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SmtpUrl({self})")
    }
}

/// The SMS gateway's URL (http or https). `Display` and `Debug` show the host only: a gateway
/// URL often carries a key in its path or query.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookUrl(reqwest::Url);

impl WebhookUrl {
    pub fn url(&self) -> &reqwest::Url {
        &self.0
    }
}

impl FromStr for WebhookUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<WebhookUrl, String> {
        let url = reqwest::Url::parse(s.trim()).map_err(|e| format!("not a URL: {e}"))?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err("expected http://HOST/PATH or https://HOST/PATH".into());
        }
        Ok(WebhookUrl(url))
    }
}

impl fmt::Display for WebhookUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let host = self.0.host_str().unwrap_or_default();
        match self.0.port() {
            Some(port) => write!(f, "{}://{host}:{port}", self.0.scheme()),
            None => write!(f, "{}://{host}", self.0.scheme()),
        }
    }
}

impl fmt::Debug for WebhookUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WebhookUrl({self})")
    }
}

/// One message on its way out.
pub struct Outgoing<'a> {
    pub kind: Kind,
    pub channel: Channel,
    /// The full address or number: for the transport only.
    pub to: &'a str,
    pub to_masked: &'a str,
    pub subject: String,
    pub text: String,
    /// The one-time code, printed by the log delivery (development only).
    pub code: Option<&'a str>,
}

/// Why a delivery failed, without personal data: a mail server's words may quote the address,
/// so only the kind of failure and the status code are kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// Trying again cannot help (the server refused for good, or the message expired).
    pub permanent: bool,
    pub reason: String,
}

impl Failure {
    pub fn permanent(reason: impl Into<String>) -> Failure {
        Failure {
            permanent: true,
            reason: reason.into(),
        }
    }

    pub fn transient(reason: impl Into<String>) -> Failure {
        Failure {
            permanent: false,
            reason: reason.into(),
        }
    }
}

/// The transports of this server. Cheap to clone.
#[derive(Clone, Default)]
pub struct Channels {
    mail: Option<Arc<Mailer>>,
    sms: Option<Arc<SmsWebhook>>,
}

impl Channels {
    /// Every message printed to the log.
    pub fn log_only() -> Channels {
        Channels::default()
    }

    pub fn from_args(args: &DeliveryArgs) -> Result<Channels, SetupError> {
        let mail = match (&args.smtp_url, &args.mail_from) {
            (Some(url), Some(from)) => Some(Arc::new(Mailer::new(url, from)?)),
            (Some(_), None) => return Err(SetupError::MailFrom),
            (None, _) => None,
        };
        let sms = args
            .sms_webhook_url
            .as_ref()
            .map(|url| SmsWebhook::new(url, args.sms_webhook_token.as_deref()).map(Arc::new))
            .transpose()?;
        Ok(Channels { mail, sms })
    }

    /// How each channel is delivered, for the start-up log (no credentials).
    pub fn describe(&self) -> (String, String) {
        let mail = self
            .mail
            .as_ref()
            .map_or_else(|| "log".to_owned(), |m| m.describe());
        let sms = self
            .sms
            .as_ref()
            .map_or_else(|| "log".to_owned(), |s| s.describe());
        (mail, sms)
    }

    pub async fn send(&self, message: &Outgoing<'_>) -> Result<(), Failure> {
        let sent = match (message.channel, &self.mail, &self.sms) {
            (Channel::Email, Some(mailer), _) => {
                mailer
                    .send(message.to, &message.subject, &message.text)
                    .await
            }
            (Channel::Sms, _, Some(webhook)) => webhook.send(message.to, &message.text).await,
            _ => {
                print(message);
                return Ok(());
            }
        };
        if sent.is_ok() {
            tracing::info!(
                target: "klaim::delivery",
                kind = message.kind.as_str(),
                channel = message.channel.as_str(),
                to = %message.to_masked,
                "notification delivered"
            );
        }
        sent
    }
}

impl fmt::Debug for Channels {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (mail, sms) = self.describe();
        f.debug_struct("Channels")
            .field("mail", &mail)
            .field("sms", &sms)
            .finish()
    }
}

/// The development delivery: printed, not sent. The one-time code is printed so that a person
/// trying the server locally (and the end-to-end tests) can read it; with a real transport it
/// never reaches the log.
fn print(message: &Outgoing<'_>) {
    match message.code {
        Some(code) => tracing::info!(
            target: "klaim::delivery",
            kind = message.kind.as_str(),
            channel = message.channel.as_str(),
            to = %message.to_masked,
            text = %message.text,
            code = %code,
            "one-time code (development delivery: printed, not sent)"
        ),
        None => tracing::info!(
            target: "klaim::delivery",
            kind = message.kind.as_str(),
            channel = message.channel.as_str(),
            to = %message.to_masked,
            text = %message.text,
            "notification (development delivery: printed, not sent)"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_print_without_credentials() {
        let smtp: SmtpUrl = "smtps://klaim:s3cret@mail.example.id:465?tls=required"
            .parse()
            .unwrap();
        assert_eq!(smtp.to_string(), "smtps://mail.example.id:465");
        assert!(!format!("{smtp:?}").contains("s3cret"));
        for bad in ["http://x", "smtp://", "smtp://:25", "mail.example.id"] {
            assert!(bad.parse::<SmtpUrl>().is_err(), "{bad}");
        }
        let hook: WebhookUrl = "https://sms.example.id:8443/send?key=abc".parse().unwrap();
        assert_eq!(hook.to_string(), "https://sms.example.id:8443");
        assert!(!format!("{hook:?}").contains("abc"));
        for bad in ["ftp://x/y", "sms.example.id", "http://"] {
            assert!(bad.parse::<WebhookUrl>().is_err(), "{bad}");
        }
    }

    #[test]
    fn an_smtp_server_needs_a_sender() {
        let args = DeliveryArgs {
            smtp_url: Some("smtp://127.0.0.1:2525".parse().unwrap()),
            ..DeliveryArgs::default()
        };
        assert!(matches!(
            Channels::from_args(&args),
            Err(SetupError::MailFrom)
        ));
        let bad_sender = DeliveryArgs {
            mail_from: Some("not an address".into()),
            ..args.clone()
        };
        assert!(matches!(
            Channels::from_args(&bad_sender),
            Err(SetupError::MailFrom)
        ));
        let good = DeliveryArgs {
            mail_from: Some("Klaim <no-reply@klaim.example.id>".into()),
            ..args
        };
        let channels = Channels::from_args(&good).unwrap();
        assert_eq!(
            channels.describe(),
            ("smtp://127.0.0.1:2525".to_owned(), "log".to_owned())
        );
    }
}
