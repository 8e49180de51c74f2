"""graphql-core's document errors (syntax, validation, variable and argument values) in the
caller's language.

graphql-core writes its messages in English from fixed templates. Each template we know is
matched here and rendered from our catalogs with the names it mentions; the English stays in
`extensions.detail`. A message no template matches gets a generic localized one: the client
always reads its own language, and the detail keeps the precise English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from babel import UnknownLocaleError
from babel.lists import format_list
from graphql import GraphQLError

from hub.i18n import messages as msg
from hub.i18n.cldr import babel_locale
from hub.i18n.markers import Plural
from hub.i18n.messages import message

_NAME: Final = r"[_A-Za-z][_0-9A-Za-z]*"
_QUOTED: Final = r"'([^']*)'"
# " Did you mean 'a', 'b', or 'c'?" or " Did you mean the enum value 'A'?" (pyutils.did_you_mean)
_SUGGESTIONS: Final = re.compile(r" Did you mean (?:[a-z ]+ )?((?:'[^']*'(?:,? or |, )?)+)\?")


@dataclass(frozen=True, slots=True)
class Template:
    """One of graphql-core's message templates: named groups become the msgid's parameters.
    `nested` names a group holding another whole message (a variable's value error)."""

    pattern: re.Pattern[str]
    msgid: str | Plural
    nested: str | None = None


def _t(pattern: str, msgid: str | Plural, nested: str | None = None) -> Template:
    return Template(re.compile(pattern, re.DOTALL), msgid, nested)


# Checked in order; each pattern must match the whole message (suggestions removed).
TEMPLATES: Final[tuple[Template, ...]] = (
    _t(r"Syntax Error: Document is nested too deeply\..*", msg.DOCUMENT_TOO_DEEP),
    _t(r"Syntax Error: .*", msg.SYNTAX_ERROR),
    # validate() gives up on fragments spread hundreds deep (before its rules would recurse)
    _t(r"Validation aborted\.", msg.DOCUMENT_TOO_DEEP),
    _t(rf"Cannot query field '(?P<field>{_NAME})' on type '(?P<type>{_NAME})'\.",
       msg.UNKNOWN_FIELD),
    _t(r"Unknown argument '(?P<argument>[^']+)' on (?:field|directive|fragment) "
       r"'(?P<owner>[^']+)'\.", msg.UNKNOWN_ARGUMENT),
    _t(r"Argument '(?P<owner>[^(']*)\((?P<argument>[^:']+):\)' of type '(?P<type>[^']+)' "
       r"is required, but it was not provided\.", msg.MISSING_ARGUMENT),
    _t(r"Argument '(?P<argument>[^']+)' of required type '(?P<type>[^']+)' was not provided\.",
       msg.MISSING_ARGUMENT_VALUE),
    _t(r"Variable '\$(?P<variable>[^']+)' has invalid value: Expected a value of non-null "
       r"type '(?P<type>[^']+)' to be provided\.", msg.VARIABLE_MISSING),
    _t(r"Variable '\$(?P<variable>[^']+)' has invalid value(?: at \S+)?: (?P<problem>.*)",
       msg.VARIABLE_INVALID, nested="problem"),
    _t(r"Argument '(?P<argument>[^']+)' has invalid value(?: at \S+)?: (?P<problem>.*)",
       msg.ARGUMENT_INVALID, nested="problem"),
    _t(rf"Value '(?P<value>[^']*)' does not exist in '(?P<type>{_NAME})' enum\.",
       msg.UNKNOWN_ENUM_VALUE),
    _t(rf"Enum '(?P<type>{_NAME})' cannot represent non-enum value: (?P<value>.*?)\.?",
       msg.INVALID_VALUE),
    _t(r"(?P<type>Int|Float|String|Boolean|ID) cannot represent [^:]*: (?P<value>.*)",
       msg.INVALID_VALUE),
    _t(rf"Value cannot represent an? (?P<type>{_NAME}): (?P<value>\"[^\"]*\")\..*",
       msg.INVALID_VALUE),
    _t(r"Expected value of type '(?P<type>[^']+)' not to include unknown field "
       r"'(?P<field>[^']+)'[.,] [Ff]ound: .*", msg.UNKNOWN_INPUT_FIELD),
    _t(r"Expected value of type '(?P<type>[^']+)' to include required field "
       r"'(?P<field>[^']+)', found: .*", msg.MISSING_INPUT_FIELD),
    _t(r"Expected (?:a )?value of non-null type '(?P<type>[^']+)' (?:not to be None|to be "
       r"provided)\.", msg.NULL_VALUE),
    _t(r"Expected variable '\$(?P<variable>[^']+)' provided to (?:non-null )?type "
       r"'(?P<type>[^']+)' (?:to provide a runtime value|not to be None)\.",
       msg.VARIABLE_MISSING),
    _t(r"Expected value of type '(?P<type>[^']+)'(?:, but encountered error .*)?[;,] "
       r"found: (?P<value>.*)\.", msg.INVALID_VALUE),
    _t(r"Variable '\$(?P<variable>[^']+)' of (?:required|non-null) type '(?P<type>[^']+)' "
       r"(?:was not provided|must not be null)\.", msg.VARIABLE_MISSING),
    _t(r"Variable '\$(?P<variable>[^']+)' is never used(?: in (?:operation|fragment) '[^']*')?\.",
       msg.VARIABLE_UNUSED),
    _t(r"Variable '\$(?P<variable>[^']+)' is not defined(?: by operation '[^']*')?\.",
       msg.VARIABLE_UNDEFINED),
    _t(r"Variable '\$(?P<variable>[^']+)' of type '(?P<given>[^']+)' used in position "
       r"expecting type '(?P<expected>[^']+)'\.", msg.VARIABLE_TYPE_MISMATCH),
    _t(r"Variable '\$(?P<variable>[^']+)' cannot be non-input type '(?P<type>[^']+)'\.",
       msg.VARIABLE_NOT_INPUT),
    _t(r"There can be only one variable named '\$(?P<variable>[^']+)'\.",
       msg.DUPLICATE_VARIABLE),
    _t(r"Variable values are nested too deeply\.", msg.VALUES_TOO_DEEP),
    _t(rf"Unknown type '(?P<type>{_NAME})'\.", msg.UNKNOWN_TYPE),
    _t(rf"Unknown fragment '(?P<fragment>{_NAME})'\.", msg.UNKNOWN_FRAGMENT),
    _t(rf"Fragment '(?P<fragment>{_NAME})' is never used\.", msg.UNUSED_FRAGMENT),
    _t(rf"Cannot spread fragment '(?P<fragment>{_NAME})' within itself.*",
       msg.FRAGMENT_CYCLE),
    _t(rf"There can be only one fragment named '(?P<fragment>{_NAME})'\.",
       msg.DUPLICATE_FRAGMENT),
    _t(r"Fragment (?:'[^']+' )?cannot be spread here as objects of type '(?P<parent>[^']+)' "
       r"can never be of type '(?P<type>[^']+)'\.", msg.FRAGMENT_TYPE_MISMATCH),
    _t(r"Fragment (?:'[^']+' )?cannot condition on non composite type '(?P<type>[^']+)'\.",
       msg.FRAGMENT_ON_LEAF),
    _t(r"Field '(?P<field>[^']+)' must not have a selection since type '(?P<type>[^']+)' "
       r"has no subfields\.", msg.LEAF_WITH_SELECTION),
    _t(r"Field '(?P<field>[^']+)' of type '(?P<type>[^']+)' must have (?:a selection of "
       r"subfields|at least one field selected)\.", msg.NEEDS_SELECTION),
    _t(r"Unknown directive '@(?P<directive>[^']+)'\.", msg.UNKNOWN_DIRECTIVE),
    _t(r"Directive '@(?P<directive>[^']+)' may not be used on .*", msg.MISPLACED_DIRECTIVE),
    _t(r"The directive '@(?P<directive>[^']+)' can only be used once at this location\.",
       msg.DUPLICATE_DIRECTIVE),
    _t(r"Fields '(?P<name>[^']+)' conflict because .*", msg.FIELD_CONFLICT),
    _t(r"There can be only one argument named '(?P<argument>[^']+)'\.",
       msg.DUPLICATE_ARGUMENT),
    _t(r"There can be only one input field named '(?P<field>[^']+)'\.",
       msg.DUPLICATE_INPUT_FIELD),
    _t(r"There can be only one operation named '(?P<operation>[^']+)'\.",
       msg.DUPLICATE_OPERATION),
    _t(r"This anonymous operation must be the only defined operation\.",
       msg.LONE_ANONYMOUS_OPERATION),
    _t(r"The .* definition is not executable\.", msg.NOT_EXECUTABLE),
)


@dataclass(frozen=True, slots=True)
class Explained:
    """A document error as one of our messages: msgid, parameters (an `Explained` parameter
    is a message inside the message, e.g. a variable's value error) and suggestions."""

    msgid: str | Plural
    params: dict[str, object] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()

    def render(self, locale: str) -> str:
        params = {name: value.render(locale) if isinstance(value, Explained) else value
                  for name, value in self.params.items()}
        text = message(locale, self.msgid, **params)
        if self.suggestions:
            # GraphQL names, written as code like the other names in our messages.
            quoted = [f"`{name}`" for name in self.suggestions]
            listed = format_list(quoted, style="or", locale=_list_locale(locale))
            text += " " + message(locale, msg.DID_YOU_MEAN, suggestions=listed)
        return text


def without_suggestions(text: str) -> str:
    """graphql-core's English without its "Did you mean ...?" (HUB_FIELD_SUGGESTIONS off:
    suggestions would spell out the schema to a caller probing it)."""
    return _SUGGESTIONS.sub("", text)


def explain(error: GraphQLError) -> Explained:
    """Our message for one of graphql-core's: a known template, else the generic one."""
    return _explain(error.message, error)


def _explain(english: str, error: GraphQLError) -> Explained:
    suggestions = tuple(name for found in _SUGGESTIONS.findall(english)
                        for name in re.findall(_QUOTED, found))
    text = _SUGGESTIONS.sub("", english).strip()
    for template in TEMPLATES:
        matched = template.pattern.fullmatch(text)
        if matched is None:
            continue
        params: dict[str, object] = {
            name: value for name, value in matched.groupdict().items() if value is not None}
        if template.nested is not None:
            params[template.nested] = _explain(str(params[template.nested]), error)
        if template.msgid == msg.SYNTAX_ERROR:
            if not error.locations:
                break
            params = {"line": error.locations[0].line, "column": error.locations[0].column}
        return Explained(template.msgid, params, suggestions)
    return Explained(msg.INVALID_QUERY)


def _list_locale(locale: str) -> str:
    """Babel's spelling of the caller's locale for list patterns ("a, b or c")."""
    try:
        return str(babel_locale(locale))
    except (ValueError, UnknownLocaleError):
        return "en"
