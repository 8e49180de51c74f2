"""Every GraphQL example of README.md answers something real on the demo data.

The examples are read from the README itself, in two forms:

- a fenced `graphql` block: the document, sent as is. Comment lines at its top say what else
  to send (what goes in GraphiQL's Variables and Headers tabs):
  `# variables: {...}` (JSON; a value `"<endCursor ...>"` stands for the `endCursor` of the
  example before), and `# Name: value` for a header. A header may hold
  `$(.venv/bin/tatawwu token ARGS)`: the test runs that command, as a reader would.
- a `curl ... /graphql` command in a fenced `sh` block: its URL (and `?lang=`), its `-H`
  headers and its `-d` body. `$TOKEN` is the output of the block's last
  `TOKEN=$(.venv/bin/tatawwu token ARGS)`.

Each example must answer without errors, and with something: no empty list and no
`totalCount` of 0 anywhere in its data, no top-level field null. They run on the shared demo
(seeded on the fixed DEMO_DAY, both databases) and on a demo seeded today on SQLite, which is
what `make serve` serves.
"""

from __future__ import annotations

import asyncio
import json
import re
import shlex
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from click.testing import CliRunner
from graphql import parse
from starlette.testclient import TestClient

from hub.config import Settings
from hub.entry import setup_steps
from hub.entry.app import create_app
from hub.entry.cli import main
from tests.conftest import Database, HubClient
from tests.paths import ROOT

README = ROOT / "README.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
TOKEN_COMMAND = re.compile(r"\$\((?:\S*/)?tatawwu token ([^)]*)\)")
TOKEN_ASSIGNMENT = re.compile(r"^TOKEN=(\$\((?:\S*/)?tatawwu token [^)]*\))")
CURSOR_PLACEHOLDER = re.compile(r"^<endCursor\b[^>]*>$")
COMMENT_HEADER = re.compile(r"^#\s*([A-Za-z][A-Za-z0-9-]*):\s*(.+)$")
# Relative to the moment the query is asked, not to the day the demo was seeded.
RELATIVE_FIELDS = {"publishedAtDisplay"}


@dataclass
class Example:
    line: int  # where its block starts in README.md
    query: str
    variables: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)

    @property
    def needs_previous_cursor(self) -> bool:
        return any(isinstance(v, str) and CURSOR_PLACEHOLDER.match(v)
                   for v in self.variables.values())


def graphql_example(line: int, text: str) -> Example:
    example = Example(line, text)
    for comment in text.splitlines():
        comment = comment.strip()
        if not comment.startswith("#"):
            break
        if comment.lower().startswith("# variables:"):
            example.variables = json.loads(comment.split(":", 1)[1])
        elif (header := COMMENT_HEADER.match(comment)) is not None:
            example.headers[header[1]] = header[2].strip()
    return example


def curl_examples(line: int, text: str) -> Iterator[Example]:
    token: str | None = None
    for command in text.replace("\\\n", " ").splitlines():
        command = command.strip()
        if (assignment := TOKEN_ASSIGNMENT.match(command)) is not None:
            token = assignment[1]
            continue
        if not command.startswith("curl "):
            continue  # any other shell line (a block may hold a whole script)
        words = shlex.split(command, comments=True)
        example = Example(line, "")
        position = 1
        while position < len(words):
            word = words[position]
            if word in ("-H", "--header"):
                name, _, value = words[position + 1].partition(":")
                value = value.strip()
                if "$TOKEN" in value:
                    assert token is not None, f"README.md:{line}: $TOKEN without TOKEN=$(...)"
                    value = value.replace("$TOKEN", token)
                example.headers[name.strip()] = value
                position += 1
            elif word in ("-d", "--data"):
                body = json.loads(words[position + 1])
                example.query = body["query"]
                example.variables = body.get("variables") or {}
                position += 1
            elif word.startswith("http"):
                url = urlsplit(word)
                assert url.path == "/graphql", f"README.md:{line}: {word}"
                example.params = dict(parse_qsl(url.query))
            position += 1
        assert example.query, f"README.md:{line}: a curl command without -d '{{\"query\": ...}}'"
        yield example


def readme_examples(text: str) -> list[Example]:
    examples: list[Example] = []
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        language, body = match[1], match[2]
        if language == "graphql":
            examples.append(graphql_example(line, body))
        elif language in ("sh", "bash", "shell"):
            examples.extend(curl_examples(line, body))
    return examples


EXAMPLES = readme_examples(README.read_text(encoding="utf-8"))


def emptiness(value: object, path: str = "data") -> list[str]:
    """Where an answer is empty: empty lists and zero totals, at any depth."""
    found: list[str] = []
    if isinstance(value, list):
        if not value:
            found.append(f"{path} is an empty list")
        for i, item in enumerate(value):
            found += emptiness(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "totalCount" and item == 0:
                found.append(f"{path}.totalCount is 0")
            found += emptiness(item, f"{path}.{key}")
    return found


def last_value(value: object, key: str) -> object:
    """The last `key` met in a depth-first walk of an answer, or None."""
    found: object = None
    if isinstance(value, list):
        for item in value:
            found = last_value(item, key) if last_value(item, key) is not None else found
    elif isinstance(value, dict):
        for name, item in value.items():
            if name == key and item is not None:
                found = item
            elif (inner := last_value(item, key)) is not None:
                found = inner
    return found


@dataclass
class Hub:
    """A hub on a demo database, and the environment the README's commands run with."""

    http: TestClient
    cli_env: Mapping[str, str | None]

    def token(self, args: str) -> str:
        result = CliRunner().invoke(main, ["token", *shlex.split(args)], env=self.cli_env)
        assert result.exit_code == 0, result.output
        return result.stdout.strip()

    def answer(self, example: Example, variables: dict[str, Any] | None = None
               ) -> dict[str, Any]:
        headers = {name: TOKEN_COMMAND.sub(lambda m: self.token(m[1]), value)
                   for name, value in example.headers.items()}
        response = self.http.post(
            "/graphql", params=example.params, headers=headers,
            json={"query": example.query, "variables": variables or example.variables})
        where = f"README.md:{example.line}"
        assert response.status_code == 200, f"{where}: {response.text}"
        body: dict[str, Any] = response.json()
        assert "errors" not in body, f"{where}: {body['errors']}"
        data: dict[str, Any] = body["data"]
        return data

    def check(self, example: Example) -> dict[str, Any]:
        variables = example.variables
        if example.needs_previous_cursor:
            previous = EXAMPLES[EXAMPLES.index(example) - 1]
            cursor = last_value(self.answer(previous), "endCursor")
            assert isinstance(cursor, str), f"README.md:{previous.line} gives no endCursor"
            variables = {name: cursor if isinstance(v, str) and CURSOR_PLACEHOLDER.match(v)
                         else v for name, v in variables.items()}
        data = self.answer(example, variables)
        assert [name for name, value in data.items() if value is None] == [], (
            f"README.md:{example.line}: {data}")
        assert emptiness(data) == [], f"README.md:{example.line}: {data}"
        return data


@pytest.fixture
def demo_hub(client: HubClient, backend: Database) -> Hub:
    """The shared demo (DEMO_DAY), with the hub's own key for `tatawwu token`."""
    return Hub(client.http, {"HUB_MODE": "dev",
                             "HUB_DATABASE_URL": backend.settings.database_url,
                             "HUB_DEV_KEY_FILE": str(backend.settings.dev_key_file)})


@pytest.fixture(scope="module")
def todays_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    """What `make serve` serves: the demo seeded today into an SQLite file, in dev mode, the
    development key where the hub puts it by default (no HUB_DEV_KEY_FILE)."""
    database = tmp_path_factory.mktemp("make-serve") / "tatawwu.sqlite3"
    env = {"HUB_MODE": "dev", "HUB_DATABASE_URL": f"sqlite+aiosqlite:///{database}"}
    settings = Settings.from_env(env)
    setup_steps.migrate(settings)
    asyncio.run(setup_steps.sync(settings, setup_steps.load_tenants(settings)))
    assert asyncio.run(setup_steps.seed(settings, date.today())) is not None
    with TestClient(create_app(settings)) as http:
        yield Hub(http, {**env, "HUB_DEV_KEY_FILE": None})


def test_every_example_of_the_readme_is_found() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = FENCE.findall(text)
    graphql_blocks = [body for language, body in blocks if language == "graphql"]
    curl_commands = [line for language, body in blocks if language in ("sh", "bash", "shell")
                     for line in body.splitlines() if line.lstrip().startswith("curl ")]
    assert len(EXAMPLES) == len(graphql_blocks) + len(curl_commands)
    assert len(graphql_blocks) >= 4 and len(curl_commands) >= 2
    for example in EXAMPLES:
        parse(example.query)  # a GraphQL document, whatever its form in the README
    assert any("Authorization" in e.headers for e in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"line{e.line}" for e in EXAMPLES])
def test_readme_example_answers_on_the_demo(demo_hub: Hub, example: Example) -> None:
    demo_hub.check(example)


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"line{e.line}" for e in EXAMPLES])
def test_readme_example_answers_on_make_serve(todays_hub: Hub, example: Example) -> None:
    todays_hub.check(example)


def languages_table(text: str) -> tuple[Example, list[str], dict[str, list[str]]]:
    """The example just before the README's `| field | ...` table, the table's languages
    and its rows (field name -> one value per language)."""
    start = text.index("\n| field |") + 1
    rows = []
    for row in text[start:].splitlines():
        if not row.startswith("|"):
            break
        rows.append([cell.strip() for cell in row.strip("|").split("|")])
    line = text.count("\n", 0, start) + 1
    example = [e for e in EXAMPLES if e.line < line][-1]
    languages = [cell.strip("`") for cell in rows[0][1:]]
    values = {row[0].strip("`"): row[1:] for row in rows[2:]}
    return example, languages, values


def as_read(value: object) -> str:
    """Text as a reader of the table sees it: CLDR's narrow and no-break spaces (`10:00\u202fAM`)
    are spaces there."""
    return re.sub(r"[\u00a0\u2007\u202f]", " ", str(value))


def test_the_languages_table_is_what_the_demo_answers(demo_hub: Hub) -> None:
    example, languages, values = languages_table(README.read_text(encoding="utf-8"))
    assert languages == ["ar-EG", "ar-DZ", "fr", "en"]
    assert example.headers.get("Accept-Language") in languages
    checked = 0
    for i, language in enumerate(languages):
        headers = {**example.headers, "Accept-Language": language}
        data = demo_hub.answer(Example(example.line, example.query, headers=headers))
        for name, shown in values.items():
            if name in RELATIVE_FIELDS:
                assert last_value(data, name), name
                continue
            assert as_read(last_value(data, name)) == shown[i], (language, name)
            checked += 1
    assert checked == 4 * (len(values) - len(RELATIVE_FIELDS & values.keys())) > 0
