"""Schemathesis hooks for `cargo xtask apifuzz`: the session of the role under test.

Signs in through the API (`POST /api/v1/sessions`) as `KLAIM_FUZZ_LOGIN` / `KLAIM_FUZZ_PASSWORD`
and sends the session cookie with every generated request. Schemathesis signs in again when an
answer is 401, so the run may end its own session (`DELETE /api/v1/sessions/current`, or its own
id through `DELETE /api/v1/sessions/{id}`) and go on: no operation has to be left out.

The sign-in comes from its own loopback address (`KLAIM_FUZZ_SOURCE`): the generated requests
fail to sign in hundreds of times from 127.0.0.1, and the server's limit of failed sign-ins per
address would otherwise refuse the run's own sign-in too.
"""

import os

import requests
import schemathesis
from requests.adapters import HTTPAdapter

COOKIE = "klaim_session"
LOGIN = os.environ["KLAIM_FUZZ_LOGIN"]
PASSWORD = os.environ["KLAIM_FUZZ_PASSWORD"]
SOURCE = os.environ["KLAIM_FUZZ_SOURCE"]


class _FromSource(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (SOURCE, 0)
        super().init_poolmanager(*args, **kwargs)


@schemathesis.auth()
class KlaimSession:
    def get(self, case, context):
        url = context.operation.schema.get_base_url().rstrip("/") + "/api/v1/sessions"
        with requests.Session() as http:
            http.mount("http://", _FromSource())
            answer = http.post(
                url,
                json={"login": LOGIN, "password": PASSWORD},
                headers={"X-Klaim-Request": "1"},
                timeout=30,
            )
        if answer.status_code != 201 or COOKIE not in answer.cookies:
            raise RuntimeError(f"signing in as {LOGIN} answered {answer.status_code}: {answer.text}")
        return answer.cookies[COOKIE]

    def set(self, case, data, context):
        case.cookies = case.cookies or {}
        case.cookies[COOKIE] = data
