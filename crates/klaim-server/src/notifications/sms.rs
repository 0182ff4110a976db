//! SMS through the gateway's HTTP webhook: `POST` JSON `{"to": "+62…", "text": "…"}`, any 2xx
//! answer means the gateway took it.

use reqwest::StatusCode;
use reqwest::header::CONTENT_TYPE;

use super::delivery::{Failure, SEND_TIMEOUT, SetupError, WebhookUrl};

pub struct SmsWebhook {
    client: reqwest::Client,
    url: WebhookUrl,
    token: Option<String>,
}

impl SmsWebhook {
    pub fn new(url: &WebhookUrl, token: Option<&str>) -> Result<SmsWebhook, SetupError> {
        let client = reqwest::Client::builder()
            .connect_timeout(SEND_TIMEOUT)
            .timeout(SEND_TIMEOUT)
            // A gateway that redirects is misconfigured; following it could send the number
            // elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| SetupError::Webhook(e.to_string()))?;
        Ok(SmsWebhook {
            client,
            url: url.clone(),
            token: token.map(str::to_owned),
        })
    }

    pub fn describe(&self) -> String {
        self.url.to_string()
    }

    pub async fn send(&self, to: &str, text: &str) -> Result<(), Failure> {
        let body = serde_json::json!({ "to": to, "text": text }).to_string();
        let mut request = self
            .client
            .post(self.url.url().clone())
            .header(CONTENT_TYPE, "application/json")
            .body(body);
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        match request.send().await {
            Ok(response) => judge(response.status()),
            Err(e) if e.is_timeout() => Err(Failure::transient("webhook timeout")),
            Err(_) => Err(Failure::transient("webhook connection")),
        }
    }
}

/// 2xx: accepted. 408, 429 and 5xx: try again later. Anything else will not change by waiting.
fn judge(status: StatusCode) -> Result<(), Failure> {
    let reason = format!("webhook status {}", status.as_u16());
    if status.is_success() {
        Ok(())
    } else if status.is_server_error()
        || status == StatusCode::REQUEST_TIMEOUT
        || status == StatusCode::TOO_MANY_REQUESTS
    {
        Err(Failure::transient(reason))
    } else {
        Err(Failure::permanent(reason))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_waiting_statuses_are_retried() {
        assert_eq!(judge(StatusCode::OK), Ok(()));
        assert_eq!(judge(StatusCode::ACCEPTED), Ok(()));
        for status in [500, 502, 503, 408, 429] {
            let failure = judge(StatusCode::from_u16(status).unwrap()).unwrap_err();
            assert!(!failure.permanent, "{status}");
            assert_eq!(failure.reason, format!("webhook status {status}"));
        }
        for status in [400, 401, 404, 301] {
            assert!(
                judge(StatusCode::from_u16(status).unwrap())
                    .unwrap_err()
                    .permanent,
                "{status}"
            );
        }
    }
}
