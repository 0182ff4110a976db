//! Test doubles for what Klaim's server talks to outside itself, each listening on a free loopback
//! port inside the test process:
//!
//! - [`SmtpSink`]: an SMTP server that accepts every message (EHLO/HELO, MAIL, RCPT, DATA, RSET,
//!   NOOP, QUIT), keeps it, and can be told to refuse the next deliveries with a temporary
//!   `451`.
//! - [`WebhookReceiver`]: an HTTP/1.1 endpoint that keeps every request body (the SMS gateway's
//!   stand-in) and can be told to answer the next requests with `500`.
//!
//! Both speak only what Klaim's clients (lettre and reqwest) send; they are not general servers.
//! They stop when dropped.

mod loopback;
mod smtp;
mod wait;
mod webhook;

pub use smtp::{Mail, SmtpSink};
pub use webhook::{WebhookReceiver, WebhookRequest};
