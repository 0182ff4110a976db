//! The few requests the bench makes itself (signing up, reading `/me` once): blocking, plain HTTP
//! to loopback, any status returned as an answer rather than an error.

use std::sync::OnceLock;
use std::time::Duration;

use anyhow::Context;

/// Every state-changing API call carries it (accounts-api.md, "Rules every call shares").
pub const REQUEST_HEADER: (&str, &str) = ("X-Klaim-Request", "1");

pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
    /// Every `Set-Cookie` header.
    pub cookies: Vec<String>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The `name=value` part of the cookie called `name`.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.iter().find_map(|header| {
            let pair = header.split(';').next()?.trim();
            let (n, _) = pair.split_once('=')?;
            (n == name).then(|| pair.to_owned())
        })
    }
}

fn agent() -> &'static ureq::Agent {
    static AGENT: OnceLock<ureq::Agent> = OnceLock::new();
    AGENT.get_or_init(|| {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into()
    })
}

/// `GET url`, with a `Cookie` header when given.
pub fn get(url: &str, cookie: Option<&str>) -> anyhow::Result<Answer> {
    let mut request = agent().get(url);
    if let Some(cookie) = cookie {
        request = request.header("Cookie", cookie);
    }
    answer(request.call().with_context(|| format!("GET {url}"))?)
}

/// `POST url` with a JSON body and the request header every state-changing call needs.
pub fn post_json(url: &str, body: &serde_json::Value) -> anyhow::Result<Answer> {
    let response = agent()
        .post(url)
        .header(REQUEST_HEADER.0, REQUEST_HEADER.1)
        .header("Content-Type", "application/json")
        .header("Accept-Language", "en")
        .send(body.to_string())
        .with_context(|| format!("POST {url}"))?;
    answer(response)
}

fn answer(mut response: ureq::http::Response<ureq::Body>) -> anyhow::Result<Answer> {
    let status = response.status().as_u16();
    let cookies = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect();
    let body = response
        .body_mut()
        .read_to_vec()
        .context("reading the answer")?;
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
    fn finds_a_cookie_among_the_set_cookie_headers() {
        let answer = Answer {
            status: 201,
            body: Vec::new(),
            cookies: vec![
                "other=1; Path=/".to_owned(),
                "klaim_session=abc.def; HttpOnly; SameSite=Strict; Path=/".to_owned(),
            ],
        };
        assert_eq!(
            answer.cookie("klaim_session").as_deref(),
            Some("klaim_session=abc.def")
        );
        assert_eq!(answer.cookie("missing"), None);
    }
}
