"""A local SMTP server for the tests (aiosmtpd): it keeps what it receives, or refuses it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from resolvers.notifications.mailers import SmtpMailer, SmtpServer
from tests.servers import free_port


@dataclass
class Sink:
    refuse: str | None = None  # an SMTP reply to DATA instead of "250", e.g. "451 later"
    received: list[EmailMessage] = field(default_factory=list)
    port: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            return self.refuse
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.received.append(message)
        return "250 OK"

    def mailer(self) -> SmtpMailer:
        return SmtpMailer(SmtpServer("127.0.0.1", self.port, None, None, use_tls=False,
                                     start_tls=False), timeout=10)


@contextmanager
def smtp_sink(refuse: str | None = None) -> Iterator[Sink]:
    sink = Sink(refuse)
    sink.port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()
