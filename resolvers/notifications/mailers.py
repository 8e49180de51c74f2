"""How a rendered notification leaves the hub: an e-mail over SMTP (aiosmtplib), or printed
on standard output in dev mode.

A mailer opens a session (one SMTP connection for a batch) and sends messages through it.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, parseaddr
from typing import Protocol, TextIO
from urllib.parse import parse_qs, unquote, urlsplit

import aiosmtplib

from hub.config import Settings
from hub.db.types import utcnow
from hub.errors import ConfigurationError

# What a failed send raises: the server refused, the connection failed or timed out.
SEND_ERRORS: tuple[type[BaseException], ...] = (aiosmtplib.SMTPException, OSError,
                                                TimeoutError)


class Sender(Protocol):
    async def send(self, message: EmailMessage) -> None: ...


class Mailer(Protocol):
    def session(self) -> AbstractAsyncContextManager[Sender]: ...


@dataclass(frozen=True, slots=True)
class Letter:
    """One notification as an e-mail, before it has a sender's address."""

    notification_id: int
    message_key: str  # the notification's global id: the same on every attempt
    to_name: str
    to_address: str
    locale: str
    subject: str
    body: str

    def message(self, mail_from: str) -> EmailMessage:
        message = EmailMessage()
        message["From"] = mail_from
        message["To"] = formataddr((self.to_name, self.to_address))
        message["Subject"] = self.subject
        message["Date"] = format_datetime(utcnow())
        # One Message-ID per notification: a copy sent again after a crash (delivery is at
        # least once) is recognisably the same message to servers and mail programs.
        domain = parseaddr(mail_from)[1].rpartition("@")[2] or "localhost"
        message["Message-ID"] = f"<notification.{self.message_key}@{domain}>"
        message.set_content(self.body)  # clears Content-* headers: set them after it
        message["Content-Language"] = self.locale
        return message


@dataclass(frozen=True, slots=True)
class SmtpServer:
    hostname: str
    port: int | None
    username: str | None
    password: str | None
    use_tls: bool  # smtps://: TLS from the first byte
    start_tls: bool | None  # None: STARTTLS if the server offers it; True: required

    @classmethod
    def from_url(cls, url: str) -> SmtpServer:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ConfigurationError("HUB_SMTP_URL must look like smtp://user:password@host:587")
        starttls = parse_qs(parts.query).get("starttls", [""])[0].lower()
        if starttls not in ("", "required", "no"):
            raise ConfigurationError("HUB_SMTP_URL's starttls must be 'required' or 'no'")
        use_tls = parts.scheme == "smtps"
        return cls(
            hostname=parts.hostname, port=parts.port,
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            use_tls=use_tls,
            start_tls=False if use_tls or starttls == "no" else
            (True if starttls == "required" else None),
        )


class SmtpSender:
    def __init__(self, client: aiosmtplib.SMTP) -> None:
        self._client = client

    async def send(self, message: EmailMessage) -> None:
        await self._client.send_message(message)


class SmtpMailer:
    """Sends through one SMTP server: a connection per batch, STARTTLS and login as its URL
    says."""

    def __init__(self, server: SmtpServer, *, timeout: float = 30) -> None:
        self.server = server
        self.timeout = timeout

    @asynccontextmanager
    async def session(self) -> AsyncIterator[SmtpSender]:
        s = self.server
        client = aiosmtplib.SMTP(hostname=s.hostname, port=s.port, username=s.username,
                                 password=s.password, use_tls=s.use_tls, start_tls=s.start_tls,
                                 timeout=self.timeout)
        async with client:
            yield SmtpSender(client)


class PrintSender:
    def __init__(self, out: TextIO) -> None:
        self._out = out

    async def send(self, message: EmailMessage) -> None:
        self._out.write(f"----- notification e-mail (not sent: HUB_MAIL_DELIVERY=print)\n"
                        f"From: {message['From']}\nTo: {message['To']}\n"
                        f"Subject: {message['Subject']}\n"
                        f"Content-Language: {message['Content-Language']}\n\n"
                        f"{message.get_content().rstrip()}\n-----\n")
        self._out.flush()


class PrintMailer:
    """Dev mode: every message is printed instead of sent (and counts as delivered)."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out

    @asynccontextmanager
    async def session(self) -> AsyncIterator[PrintSender]:
        yield PrintSender(self.out or sys.stdout)


def mailer_for(settings: Settings) -> SmtpMailer | PrintMailer:
    """The mailer the settings ask for; SMTP delivery without HUB_SMTP_URL cannot start."""
    if settings.mail_delivery == "print":
        return PrintMailer()
    if not settings.smtp_url:
        raise ConfigurationError("notifications are sent by e-mail (HUB_MAIL_DELIVERY=smtp): "
                                 "set HUB_SMTP_URL, e.g. smtp://user:password@mail.example:587")
    return SmtpMailer(SmtpServer.from_url(settings.smtp_url))
