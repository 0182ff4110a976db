//! A router over a fresh database (SQLite, or PostgreSQL with KLAIM_TEST_POSTGRES_URL) holding
//! the demo personas, a manual clock, and small helpers to call the accounts API.
// Each accounts test crate uses only part of this module.
#![allow(dead_code)]

use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use klaim_core::api::account::Role;
use klaim_server::accounts::officers;
use klaim_server::clock::Clock;
use klaim_server::registry::model::Person;
use klaim_server::registry::{personas, store};
use serde_json::{Value, json};

use crate::common::{self, Reply, TempDir};
use crate::testdb::TestDb;

/// 2026-11-24 10:00 WIB.
pub const START: i64 = 1_795_489_200;
pub const PASSWORD: &str = "kopi tubruk pagi hari";
pub const OFFICER_EMAIL: &str = "petugas@bpjs.example.id";

pub struct Harness {
    pub app: Router,
    pub db: TestDb,
    pub clock: Clock,
    pub people: Vec<Person>,
    _tmp: TempDir,
}

impl Harness {
    pub async fn new(tag: &str) -> Harness {
        let tmp = common::dist();
        let db = TestDb::new(tag).await;
        let clock = Clock::manual(START);
        let people = personas::people(clock.today());
        let mut conn = db.conn().await;
        store::insert(&mut conn, &people)
            .await
            .expect("load personas");
        drop(conn);
        let state = common::state(&tmp, db.db.clone(), clock.clone());
        Harness {
            app: klaim_server::router(state),
            db,
            clock,
            people,
            _tmp: tmp,
        }
    }

    /// Where this harness's server keeps uploaded documents.
    pub fn documents_dir(&self) -> std::path::PathBuf {
        common::documents_dir(&self._tmp)
    }

    /// Persona `n` (1-based, as in personas.rs).
    pub fn persona(&self, n: usize) -> &Person {
        &self.people[n - 1]
    }

    pub async fn call(
        &self,
        method: &str,
        uri: &str,
        body: Option<Value>,
        cookie: Option<&str>,
    ) -> Reply {
        self.call_from(method, uri, body, cookie, "127.0.0.1:40000")
            .await
    }

    /// As from the client address `from`, with the app's request header on state-changing calls.
    pub async fn call_from(
        &self,
        method: &str,
        uri: &str,
        body: Option<Value>,
        cookie: Option<&str>,
        from: &str,
    ) -> Reply {
        let mut builder = Request::builder().method(method).uri(uri).header(
            "user-agent",
            "Mozilla/5.0 (Linux; Android 13) Chrome/131.0 Mobile Safari/537.36",
        );
        if method != "GET" {
            builder = builder.header("x-klaim-request", "1");
        }
        if let Some(cookie) = cookie {
            builder = builder.header("cookie", cookie);
        }
        let mut request = match body {
            Some(body) => builder
                .header("content-type", "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
            None => builder.body(Body::empty()).unwrap(),
        };
        let addr: SocketAddr = from.parse().unwrap();
        request.extensions_mut().insert(ConnectInfo(addr));
        common::send(&self.app, request).await
    }

    pub async fn post(&self, uri: &str, body: Value) -> Reply {
        self.call("POST", uri, Some(body), None).await
    }

    /// The newest queued code (tests read the outbox; the server would deliver it).
    pub async fn latest_code(&self) -> String {
        sqlx::query_scalar("SELECT secret FROM notifications ORDER BY id DESC LIMIT 1")
            .fetch_one(self.db.db.pool())
            .await
            .expect("a queued code")
    }

    pub async fn notifications(&self) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM notifications")
            .fetch_one(self.db.db.pool())
            .await
            .unwrap()
    }

    pub async fn start_registration(&self, n: usize) -> Reply {
        let body = registration_body(self.persona(n));
        self.post("/api/v1/registrations", body).await
    }

    /// Registers persona `n` all the way; returns the session cookie (`name=value`).
    pub async fn register(&self, n: usize) -> String {
        let started = self.start_registration(n).await;
        assert_eq!(started.status, 201, "{:?}", started.json());
        let id = started.json()["registration_id"]
            .as_str()
            .unwrap()
            .to_owned();
        let sent = self
            .post(
                &format!("/api/v1/registrations/{id}/code"),
                json!({"channel": "sms"}),
            )
            .await;
        assert_eq!(sent.status, 202, "{:?}", sent.json());
        let code = self.latest_code().await;
        let done = self
            .post(
                &format!("/api/v1/registrations/{id}/verify"),
                json!({"code": code}),
            )
            .await;
        assert_eq!(done.status, 201, "{:?}", done.json());
        session_cookie(&done)
    }

    pub async fn sign_in(&self, login: &str, password: &str) -> Reply {
        self.post(
            "/api/v1/sessions",
            json!({"login": login, "password": password}),
        )
        .await
    }

    /// An officer account and its session cookie.
    pub async fn officer(&self) -> String {
        let accounts = klaim_server::accounts::Accounts {
            db: self.db.db.clone(),
            clock: self.clock.clone(),
            hasher: Default::default(),
        };
        officers::create(
            &accounts,
            Role::Officer,
            OFFICER_EMAIL,
            "Rina Petugas",
            PASSWORD,
        )
        .await
        .expect("create officer");
        let reply = self.sign_in(OFFICER_EMAIL, PASSWORD).await;
        assert_eq!(reply.status, 201, "{:?}", reply.json());
        session_cookie(&reply)
    }
}

pub fn registration_body(person: &Person) -> Value {
    let birth = person.birth_date;
    json!({
        "full_name": person.name.as_str(),
        "nik": person.nik.as_str(),
        "kpj": person.kpjs[0].kpj.as_str(),
        "birth_day": birth.day().to_string(),
        "birth_month": birth.month().to_string(),
        "birth_year": birth.year().to_string(),
        "password": PASSWORD,
    })
}

/// `klaim_session=…` from a reply's `Set-Cookie`.
pub fn session_cookie(reply: &Reply) -> String {
    let header = reply.header("set-cookie");
    header.split(';').next().unwrap().to_owned()
}

/// Every error code in an error-shaped reply, as `field:code` (`-` when no field).
pub fn codes(reply: &Reply) -> Vec<String> {
    reply.json()["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("not the error shape: {:?}", reply.json()))
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e["field"].as_str().unwrap_or("-"),
                e["code"].as_str().unwrap()
            )
        })
        .collect()
}
