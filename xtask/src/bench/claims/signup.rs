//! Signing up many registry people through the API, as a person would (accounts-api.md,
//! "Registering"): the form, a code to their phone or e-mail, the code back.
//!
//! Two things shape it. The server allows 20 registrations and 20 codes an hour per client
//! address: each batch of 20 comes from its own loopback address (127.0.0.N; all of 127/8 reaches
//! the server on Linux), bound before connecting. And the development delivery prints each code
//! to the log with the masked recipient: within a batch every person uses a contact whose masked
//! form no one else in the batch has, the codes of the whole batch are asked for at once, and
//! each code is matched to its person by that masked recipient.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use klaim_core::Date;
use klaim_core::api::account::RegistrationStarted;
use klaim_core::forms::account::{RegistrationInput, check_registration};
use serde_json::{Value, json};

use super::super::http::{Answer, REQUEST_HEADER};
use super::super::klaim::{self, Klaim, PASSWORD};
use super::parallel;
use super::population::Person;

/// `REGISTRATIONS_PER_ADDRESS` and `CODES_SENT_PER_ADDRESS` in klaim-server's accounts.
pub const PER_ADDRESS: usize = 20;
/// Registrations hash the password (Argon2id, 19 MiB): a few at a time keep both cores busy.
const WORKERS: usize = 4;

/// A signed-up person: the index into the population and the session cookie.
#[derive(Clone, Debug)]
pub struct Account {
    pub person: usize,
    pub cookie: String,
}

/// Loopback source addresses handed out to batches, one each, never twice per server.
pub struct Addresses(u8);

impl Addresses {
    /// From 127.0.0.2 on; 127.0.0.1 is the address of every other request of the bench.
    pub fn new() -> Addresses {
        Addresses(2)
    }

    fn next(&mut self) -> anyhow::Result<Ipv4Addr> {
        let n = self.0;
        self.0 = n.checked_add(1).context("out of loopback addresses")?;
        Ok(Ipv4Addr::new(127, 0, 0, n))
    }
}

/// Signs up `batch` (at most [`PER_ADDRESS`] people, indexes into `people`) from a fresh source
/// address. People the server refuses, or whose masked contact another in the batch shares, are
/// left out and counted in `skipped`.
pub fn batch(
    server: &Klaim,
    people: &[Person],
    batch: &[usize],
    addresses: &mut Addresses,
    today: Date,
) -> anyhow::Result<(Vec<Account>, Vec<String>)> {
    anyhow::ensure!(batch.len() <= PER_ADDRESS, "a batch of {}", batch.len());
    let source = addresses.next()?;
    let target: SocketAddr = server
        .base
        .strip_prefix("http://")
        .context("the server's base is not http://")?
        .parse()
        .context("the server's address")?;
    let post = |path: &str, body: &Value| post_from(source, target, path, body);
    let mut skipped = Vec::new();

    let started = parallel(batch, WORKERS, |&i| {
        let input = registration_input(&people[i], today)?;
        let answer = post("/api/v1/registrations", &serde_json::to_value(&input)?)?;
        if answer.status != 201 {
            bail!("registration {}: {}", answer.status, answer.text());
        }
        let started: RegistrationStarted = serde_json::from_slice(&answer.body)?;
        Ok((i, started))
    });
    // Each person's contact: one whose masked form is still free in this batch.
    let mut taken: HashMap<String, usize> = HashMap::new();
    let mut waiting = Vec::new();
    for result in started {
        let (i, started) = match result {
            Ok(ok) => ok,
            Err(e) => {
                skipped.push(format!("{e:#}"));
                continue;
            }
        };
        let free = started
            .contacts
            .iter()
            .find(|c| !taken.contains_key(&c.masked));
        match free {
            Some(contact) => {
                taken.insert(contact.masked.clone(), i);
                waiting.push((i, started.registration_id.clone(), contact.clone()));
            }
            None => skipped.push("no contact of its own in the batch".to_owned()),
        }
    }

    let log_start = std::fs::metadata(server.log()).map_or(0, |m| m.len());
    let sent = parallel(&waiting, WORKERS, |(_, id, contact)| {
        let answer = post(
            &format!("/api/v1/registrations/{id}/code"),
            &json!({ "channel": contact.channel }),
        )?;
        if answer.status != 202 {
            bail!("code {}: {}", answer.status, answer.text());
        }
        Ok(())
    });
    let mut asked = Vec::new();
    for (result, entry) in sent.into_iter().zip(waiting) {
        match result {
            Ok(()) => asked.push(entry),
            Err(e) => skipped.push(format!("{e:#}")),
        }
    }
    let codes = codes_in_log(
        server,
        log_start as usize,
        asked.iter().map(|(_, _, c)| c.masked.as_str()),
    )?;

    let verified = parallel(&asked, WORKERS, |(i, id, contact)| {
        let code = &codes[&contact.masked];
        let answer = post(
            &format!("/api/v1/registrations/{id}/verify"),
            &json!({ "code": code }),
        )?;
        if answer.status != 201 {
            bail!("verification {}: {}", answer.status, answer.text());
        }
        let cookie = answer
            .cookie("klaim_session")
            .context("verified without a klaim_session cookie")?;
        Ok(Account { person: *i, cookie })
    });
    let mut accounts = Vec::new();
    for result in verified {
        match result {
            Ok(account) => accounts.push(account),
            Err(e) => skipped.push(format!("{e:#}")),
        }
    }
    Ok((accounts, skipped))
}

fn registration_input(person: &Person, today: Date) -> anyhow::Result<RegistrationInput> {
    let birth = person.birth_date;
    let input = RegistrationInput {
        full_name: person.full_name.clone(),
        nik: person.nik.clone(),
        kpj: person.kpj.clone(),
        birth_day: format!("{:02}", birth.day()),
        birth_month: format!("{:02}", birth.month()),
        birth_year: birth.year().to_string(),
        password: PASSWORD.into(),
    };
    // klaim-core's own form rules, as the app applies them before sending.
    check_registration(&input, today)
        .map_err(|findings| anyhow::anyhow!("the form does not pass: {findings:?}"))?;
    Ok(input)
}

/// The code printed for each masked recipient after `offset` in the server's log. The outbox
/// worker polls four times a second.
fn codes_in_log<'a>(
    server: &Klaim,
    offset: usize,
    recipients: impl Iterator<Item = &'a str>,
) -> anyhow::Result<HashMap<String, String>> {
    let wanted: Vec<&str> = recipients.collect();
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let text = std::fs::read(server.log()).unwrap_or_default();
        let new = String::from_utf8_lossy(text.get(offset..).unwrap_or_default());
        let found: HashMap<String, String> = new
            .lines()
            .filter_map(|line| Some((recipient_in_line(line)?, klaim::code_in_line(line)?)))
            .collect();
        if wanted.iter().all(|w| found.contains_key(*w)) {
            return Ok(found);
        }
        if Instant::now() > deadline {
            let missing = wanted.iter().filter(|w| !found.contains_key(**w)).count();
            bail!(
                "{missing} of {} codes did not appear in {} within 15 s",
                wanted.len(),
                server.log().display()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `to=+62*******7890` in a delivery log line.
fn recipient_in_line(line: &str) -> Option<String> {
    if !line.contains("one-time code") {
        return None;
    }
    line.split_whitespace()
        .find_map(|word| Some(word.strip_prefix("to=")?.trim_matches('"').to_owned()))
}

/// `POST` with a JSON body from the given source address: one connection, closed after the
/// answer. ureq cannot bind a source address, so this speaks HTTP/1.1 itself; the server's JSON
/// answers carry a Content-Length.
fn post_from(
    source: Ipv4Addr,
    target: SocketAddr,
    path: &str,
    body: &Value,
) -> anyhow::Result<Answer> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None)?;
    socket
        .bind(&SocketAddr::new(source.into(), 0).into())
        .with_context(|| format!("bind {source}"))?;
    socket
        .connect_timeout(&target.into(), Duration::from_secs(5))
        .with_context(|| format!("connect to {target} from {source}"))?;
    let mut stream: TcpStream = socket.into();
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let body = body.to_string();
    let (name, value) = REQUEST_HEADER;
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {target}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n{name}: {value}\r\nAccept-Language: en\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes())?;
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .with_context(|| format!("POST {path}: reading the answer"))?;
    parse_answer(&raw).with_context(|| format!("POST {path}: the answer"))
}

fn parse_answer(raw: &[u8]) -> anyhow::Result<Answer> {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .context("no end of the header")?;
    let head = std::str::from_utf8(&raw[..split]).context("a header that is not UTF-8")?;
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .context("no status line")?;
    let mut cookies = Vec::new();
    let mut length = None;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let (name, value) = (name.trim().to_ascii_lowercase(), value.trim());
        match name.as_str() {
            "set-cookie" => cookies.push(value.to_owned()),
            "content-length" => length = value.parse::<usize>().ok(),
            "transfer-encoding" if value.eq_ignore_ascii_case("chunked") => {
                bail!("a chunked answer (not expected from a JSON handler)")
            }
            _ => {}
        }
    }
    let mut body = raw[split + 4..].to_vec();
    if let Some(length) = length {
        anyhow::ensure!(body.len() >= length, "the answer is cut off");
        body.truncate(length);
    }
    Ok(Answer {
        status,
        body,
        cookies,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_recipient_of_a_delivery_line() {
        let line = "2026-11-24T15:50:01.123456Z  INFO klaim::delivery: one-time code (development delivery: printed, not sent) kind=registration_code channel=sms to=+62*******0001 text=Your Klaim verification code: 654321. Valid for 10 minutes. Never give this code to anyone, staff included. code=654321";
        assert_eq!(recipient_in_line(line).as_deref(), Some("+62*******0001"));
        assert_eq!(recipient_in_line("INFO request: to=x"), None);
    }

    #[test]
    fn parses_an_answer_with_cookies() {
        let raw = b"HTTP/1.1 201 Created\r\ncontent-type: application/json\r\nset-cookie: klaim_session=abc; HttpOnly\r\ncontent-length: 2\r\n\r\n{}";
        let answer = parse_answer(raw).unwrap();
        assert_eq!(answer.status, 201);
        assert_eq!(answer.body, b"{}");
        assert_eq!(
            answer.cookie("klaim_session").as_deref(),
            Some("klaim_session=abc")
        );
        assert!(parse_answer(b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\n{}").is_err());
    }

    #[test]
    fn hands_out_each_address_once() {
        let mut addresses = Addresses::new();
        assert_eq!(addresses.next().unwrap(), Ipv4Addr::new(127, 0, 0, 2));
        assert_eq!(addresses.next().unwrap(), Ipv4Addr::new(127, 0, 0, 3));
    }
}
