"""A small HTTP client for 127.0.0.1 only: sign in, fetch a page, post a form."""

import http.client
import secrets
import urllib.parse
from dataclasses import dataclass, field

HOST = "127.0.0.1"


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    cookies: dict[str, str] = field(default_factory=dict)


class Session:
    """One browser: its cookies, a CSRF secret, and a kept-alive connection to the server."""

    def __init__(self, port: int, *, timeout: float = 30.0) -> None:
        self.port = port
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self.connection is None:
            self.connection = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
        return self.connection

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def request(self, method: str, path: str, *, form: dict[str, str] | None = None) -> Response:
        headers = {"Host": f"{HOST}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = self.cookie_header()
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            connection = self._connection()
            try:
                connection.request(method, path, body=body, headers=headers)
                raw = connection.getresponse()
                payload = raw.read()
                break
            except (ConnectionError, http.client.HTTPException):
                # A kept-alive connection the server closed: open a new one once.
                self.close()
                if attempt == 2:
                    raise
        response = Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, payload)
        for name, value in raw.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _sep, cookie = pair.partition("=")
                response.cookies[key.strip()] = cookie.strip()
        self.cookies.update({k: v for k, v in response.cookies.items() if v and v != '""'})
        return response

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, form: dict[str, str]) -> Response:
        """A form post with the CSRF token Django expects (cookie and field alike)."""
        token = self.cookies.get("csrftoken")
        if token is None:
            token = secrets.token_hex(16)
            self.cookies["csrftoken"] = token
        return self.request("POST", path, form={"csrfmiddlewaretoken": token, **form})

    def sign_in(self, username: str, password: str) -> None:
        """Sign in through the product's own sign-in page; raises when it does not work."""
        self.get("/accounts/login/")
        response = self.post(
            "/accounts/login/", {"username": username, "password": password, "next": "/home/"}
        )
        if response.status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"signing in as {username} failed with HTTP {response.status}")
