"""The API's error messages: English msgids with named placeholders, localized on the way out.

Call sites raise with a constant and its parameters, e.g.
`message(locale, FIRST_TOO_LARGE, max=MAX_PAGE_SIZE)`; numbers are written the locale's
way. A `Plural` message takes its form from the `count` parameter.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from hub.i18n.catalogs import gettext, ngettext
from hub.i18n.markers import N_, Plural
from hub.i18n.numbers import format_number
from hub.i18n.plurals import plural_operand

# hub/paging.py
FIRST_NEGATIVE: Final = N_("`first` must not be negative.")
FIRST_TOO_LARGE: Final = N_("`first` must be at most %(max)s; ask for the next page with `after`.")
INVALID_CURSOR: Final = N_("This cursor is not valid here; use a cursor returned by this list.")

# hub/ids.py
INVALID_ID: Final = N_("This id is not valid.")
# TRANSLATORS: type is a GraphQL type name such as Opportunity; keep it in English.
WRONG_ID_TYPE: Final = N_("This id is not an id of type %(type)s.")

# resolvers/tenant_index.py
# TRANSLATORS: slug is the short name of a member society, e.g. dz-crescent.
UNKNOWN_TENANT: Final = N_("There is no tenant “%(slug)s”.")

# schema/inputs.py and schema/query.py
# TRANSLATORS: argument is the name of a query argument, e.g. tenants.
TOO_MANY_VALUES: Final = Plural(
    "`%(argument)s` takes at most %(count)s value.",
    "`%(argument)s` takes at most %(count)s values.",
)
SEARCH_TOO_LONG: Final = Plural(
    "`search` takes at most %(count)s character.",
    "`search` takes at most %(count)s characters.",
)
NEEDS_OFFSET_EXAMPLE: Final = N_(
    "`%(argument)s` needs a time zone offset, e.g. 2026-12-05T09:00Z."
)
NEEDS_OFFSET: Final = N_("`%(argument)s` needs a time zone offset.")
# schema/scalars.py
DATE_OUT_OF_RANGE: Final = N_("This date and time is outside the range of dates the hub can store.")

# schema/permissions.py
SIGN_IN_TO_SEE: Final = N_("Sign in to see this field.")
STAFF_ONLY: Final = N_("Only staff may see this field.")
OWNING_TENANT_STAFF_ONLY: Final = N_("Only staff of the owning tenant may see this field.")
OWNING_TENANT_EDITORS_ONLY: Final = N_("Only editors of the owning tenant may see this field.")
PERSONAL_DATA: Final = N_("This is personal data.")

# schema/extensions.py
MORE_ERRORS_LEFT_OUT: Final = Plural(
    "%(count)s more error was left out.", "%(count)s more errors were left out."
)
# schema/limits.py
QUERY_TOO_DEEP: Final = Plural(
    "Fields may be nested at most %(count)s level deep in one query.",
    "Fields may be nested at most %(count)s levels deep in one query.",
)
QUERY_TOO_MANY_TOKENS: Final = Plural(
    "A query may hold at most %(count)s token (names, values and punctuation).",
    "A query may hold at most %(count)s tokens (names, values and punctuation).",
)
# TRANSLATORS: an alias is a second name given to a field in a query (`a: title`).
QUERY_TOO_MANY_ALIASES: Final = Plural(
    "A query may give at most %(count)s alias to its fields.",
    "A query may give at most %(count)s aliases to its fields.",
)
# TRANSLATORS: directives are the `@include(...)`, `@skip(...)` or `@locale(...)` of a query.
QUERY_TOO_MANY_DIRECTIVES: Final = Plural(
    "A query may use at most %(count)s directive.",
    "A query may use at most %(count)s directives.",
)
# TRANSLATORS: each list in a query is counted at its page size (`first`).
QUERY_TOO_COSTLY: Final = Plural(
    "This query could ask for more than %(count)s value: ask for smaller pages (`first`) or "
    "fewer fields.",
    "This query could ask for more than %(count)s values: ask for smaller pages (`first`) or "
    "fewer fields.",
)
# TRANSLATORS: a duplicate field is a field selected again under the same name.
QUERY_TOO_MANY_DUPLICATES: Final = Plural(
    "A query may select a field again under the same name at most %(count)s time.",
    "A query may select a field again under the same name at most %(count)s times.",
)
# schema/document_errors.py: graphql-core's syntax and validation errors (the English
# original goes to extensions.detail). Names of fields, types, arguments and variables are
# GraphQL names: keep them as they are.
INVALID_QUERY: Final = N_("The query is not valid.")
# TRANSLATORS: line and column are numbers: where the query cannot be read any further.
SYNTAX_ERROR: Final = N_(
    "Syntax Error: the query cannot be read at line %(line)s, column %(column)s.")
DOCUMENT_TOO_DEEP: Final = N_("The query is nested too deeply to be read.")
# TRANSLATORS: field is a GraphQL field name, type a GraphQL type name, e.g. Opportunity.
UNKNOWN_FIELD: Final = N_("There is no field “%(field)s” on type %(type)s.")
# TRANSLATORS: owner is a field such as Query.opportunities or a directive such as locale.
UNKNOWN_ARGUMENT: Final = N_("“%(argument)s” is not an argument of %(owner)s.")
MISSING_ARGUMENT: Final = N_(
    "The argument “%(argument)s” of %(owner)s is required (type %(type)s).")
MISSING_ARGUMENT_VALUE: Final = N_(
    "The argument “%(argument)s” is required (type %(type)s) and has no value.")
# TRANSLATORS: problem is another message of this catalog, already translated.
ARGUMENT_INVALID: Final = N_("The argument “%(argument)s” is not valid: %(problem)s")
# TRANSLATORS: value is the value the client sent, as written in the query.
INVALID_VALUE: Final = N_("%(value)s is not a valid value of type %(type)s.")
UNKNOWN_ENUM_VALUE: Final = N_("“%(value)s” is not one of the values of %(type)s.")
UNKNOWN_INPUT_FIELD: Final = N_("There is no field “%(field)s” in the input type %(type)s.")
MISSING_INPUT_FIELD: Final = N_("The field “%(field)s” of the input type %(type)s is required.")
NULL_VALUE: Final = N_("A value of type %(type)s is required here; null is not allowed.")
# TRANSLATORS: variable is a GraphQL variable name, shown after a dollar sign.
VARIABLE_INVALID: Final = N_("The variable $%(variable)s is not valid: %(problem)s")
VARIABLE_MISSING: Final = N_(
    "The variable $%(variable)s (type %(type)s) is required and has no value.")
VARIABLE_UNUSED: Final = N_("The variable $%(variable)s is declared but never used.")
VARIABLE_UNDEFINED: Final = N_("The variable $%(variable)s is used but never declared.")
# TRANSLATORS: given and expected are GraphQL types such as String and [String!].
VARIABLE_TYPE_MISMATCH: Final = N_(
    "The variable $%(variable)s has type %(given)s, but %(expected)s is expected here.")
VARIABLE_NOT_INPUT: Final = N_(
    "The variable $%(variable)s cannot have type %(type)s: it is not an input type.")
DUPLICATE_VARIABLE: Final = N_("The variable $%(variable)s is declared more than once.")
VALUES_TOO_DEEP: Final = N_("The variables' values are nested too deeply.")
UNKNOWN_TYPE: Final = N_("There is no type “%(type)s”.")
UNKNOWN_FRAGMENT: Final = N_("There is no fragment “%(fragment)s”.")
UNUSED_FRAGMENT: Final = N_("The fragment “%(fragment)s” is never used.")
FRAGMENT_CYCLE: Final = N_("The fragment “%(fragment)s” spreads itself.")
DUPLICATE_FRAGMENT: Final = N_("There is more than one fragment named “%(fragment)s”.")
# TRANSLATORS: parent and type are GraphQL type names.
FRAGMENT_TYPE_MISMATCH: Final = N_(
    "This fragment cannot apply here: an object of type %(parent)s is never of type %(type)s.")
FRAGMENT_ON_LEAF: Final = N_(
    "A fragment applies to object, interface or union types, not to %(type)s.")
LEAF_WITH_SELECTION: Final = N_(
    "The field “%(field)s” has type %(type)s, which has no fields to select.")
NEEDS_SELECTION: Final = N_(
    "The field “%(field)s” has type %(type)s: select some of its fields.")
# TRANSLATORS: directive is a GraphQL directive name, shown after an at sign.
UNKNOWN_DIRECTIVE: Final = N_("There is no directive @%(directive)s.")
MISPLACED_DIRECTIVE: Final = N_("The directive @%(directive)s cannot be used here.")
DUPLICATE_DIRECTIVE: Final = N_("The directive @%(directive)s can be used only once here.")
# TRANSLATORS: name is the name under which a field answers (its alias or its name).
FIELD_CONFLICT: Final = N_(
    "Different fields answer under the name “%(name)s”; give one of them another alias.")
DUPLICATE_ARGUMENT: Final = N_("The argument “%(argument)s” is given more than once.")
DUPLICATE_INPUT_FIELD: Final = N_("The input field “%(field)s” is given more than once.")
DUPLICATE_OPERATION: Final = N_("There is more than one operation named “%(operation)s”.")
LONE_ANONYMOUS_OPERATION: Final = N_(
    "An operation without a name must be the only operation of the document.")
NOT_EXECUTABLE: Final = N_("A query document may hold only operations and fragments.")
# TRANSLATORS: suggestions is a list of GraphQL names, e.g. `title` or `titleI18n`.
DID_YOU_MEAN: Final = N_("Did you mean %(suggestions)s?")

# schema/transport_errors.py: requests that are not GraphQL requests at all
INVALID_REQUEST: Final = N_("This is not a valid GraphQL request.")
INVALID_JSON: Final = N_("The request body is not valid JSON.")
JSON_TOO_DEEP: Final = N_("The request's JSON is nested too deeply.")
MISSING_QUERY: Final = N_("The request has no GraphQL query: send it in `query`.")
QUERY_NOT_STRING: Final = N_("`query` must be a string.")
VARIABLES_NOT_OBJECT: Final = N_("`variables` must be a JSON object.")
EXTENSIONS_NOT_OBJECT: Final = N_("`extensions` must be a JSON object.")
UNSUPPORTED_CONTENT_TYPE: Final = N_(
    "Send the request as application/json with POST, or in the URL with GET.")
METHOD_NOT_ALLOWED: Final = N_("Send GraphQL requests with GET or POST.")
QUERIES_ONLY_OVER_GET: Final = N_(
    "Only queries may be sent with GET; send this operation with POST.")
# TRANSLATORS: operation is the name of an operation in the client's query document.
UNKNOWN_OPERATION: Final = N_("The document has no operation named “%(operation)s”.")
OPERATION_NAME_NEEDED: Final = N_(
    "Name the operation to run in `operationName`: the document does not hold exactly one.")
BATCH_NOT_ACCEPTED: Final = N_("Send one operation per request; batches are not accepted.")
NO_IDE_HERE: Final = N_("This hub serves no GraphQL IDE; send a query.")
# hub/entry/body_limits.py, hub/entry/graphql.py: sizes of requests and answers, in bytes
REQUEST_TOO_LARGE: Final = Plural(
    "The request body may hold at most %(count)s byte.",
    "The request body may hold at most %(count)s bytes.",
)
VARIABLES_TOO_LARGE: Final = Plural(
    "`variables` may hold at most %(count)s byte of JSON.",
    "`variables` may hold at most %(count)s bytes of JSON.",
)
# TRANSLATORS: each list in a query is counted at its page size (`first`).
RESPONSE_TOO_LARGE: Final = Plural(
    "The answer would be larger than %(count)s byte: ask for smaller pages (`first`) or "
    "fewer fields.",
    "The answer would be larger than %(count)s bytes: ask for smaller pages (`first`) or "
    "fewer fields.",
)
BATCH_TOO_LARGE: Final = Plural(
    "A batch may hold at most %(count)s operation.",
    "A batch may hold at most %(count)s operations.",
)
# TRANSLATORS: documentId names a trusted (persisted) document; keep it as it is.
ADHOC_GET_REFUSED: Final = N_(
    "Send queries with POST; GET carries trusted documents (`documentId`) only.")
# schema/core/introspection.py
# TRANSLATORS: introspection is a query asking the API for its own schema (`__schema`).
INTROSPECTION_STAFF_ONLY: Final = N_(
    "Only signed-in staff may ask this hub for its schema (introspection).")
INTROSPECTION_OFF: Final = N_("This hub does not answer questions about its schema "
                              "(introspection).")

# resolvers/taxonomy.py
# TRANSLATORS: code is a category code such as FIRST_AID; keep it as it is.
UNKNOWN_CATEGORY: Final = N_("There is no category “%(code)s”.")
# TRANSLATORS: code is a skill code such as ARABIC_SIGN_LANGUAGE; keep it as it is.
UNKNOWN_SKILL: Final = N_("There is no skill “%(code)s”.")

# hub/auth, hub/authentication.py: the reason goes to extensions.detail, in English
CREDENTIALS_REFUSED: Final = N_("Your credentials were refused; sign in again.")
# schema/core/permissions.py and the domains' queries and mutations
SELF_ONLY: Final = N_("Only the volunteer themself may see this field.")
OWN_TENANT_FILTER_ONLY: Final = N_("Staff may filter volunteers by their own tenant only.")
VOLUNTEER_ONLY: Final = N_("Only a signed-in volunteer may do this.")
EDITORS_ONLY: Final = N_("Only editors of the owning tenant may change its texts.")
# TRANSLATORS: type is a GraphQL type name such as Opportunity; keep it in English.
NOT_FOUND: Final = N_("There is no %(type)s with this id that you may see.")
# TRANSLATORS: locale is a language tag such as ar-DZ; locales lists the allowed ones.
UNSUPPORTED_LOCALE: Final = N_("The language “%(locale)s” is not one of %(locales)s.")
# TRANSLATORS: field is the name of a text field, e.g. title.
UNKNOWN_TEXT_FIELD: Final = N_("“%(field)s” is not a translatable field here.")
TEXT_TOO_LONG: Final = Plural(
    "The text may have at most %(count)s character.",
    "The text may have at most %(count)s characters.",
)
EMPTY_TEXT: Final = N_("The text must not be empty.")
# TRANSLATORS: U+0000 is the NUL control character; keep its name as is.
NUL_CHARACTER: Final = N_("Text may not contain the character U+0000.")
# TRANSLATORS: request_id is an opaque identifier to quote to the hub's operators.
INTERNAL_ERROR: Final = N_("Internal error; the request id is %(request_id)s.")

ALL_MESSAGES: Final[tuple[str | Plural, ...]] = (
    NUL_CHARACTER,
    FIRST_NEGATIVE, FIRST_TOO_LARGE, INVALID_CURSOR, INVALID_ID, WRONG_ID_TYPE,
    UNKNOWN_TENANT, TOO_MANY_VALUES, SEARCH_TOO_LONG, NEEDS_OFFSET_EXAMPLE, NEEDS_OFFSET,
    SIGN_IN_TO_SEE, STAFF_ONLY, OWNING_TENANT_STAFF_ONLY, OWNING_TENANT_EDITORS_ONLY,
    PERSONAL_DATA, MORE_ERRORS_LEFT_OUT, INTERNAL_ERROR, CREDENTIALS_REFUSED, SELF_ONLY,
    OWN_TENANT_FILTER_ONLY, VOLUNTEER_ONLY, EDITORS_ONLY, NOT_FOUND,
    UNSUPPORTED_LOCALE, UNKNOWN_TEXT_FIELD, TEXT_TOO_LONG, EMPTY_TEXT, QUERY_TOO_DEEP,
    QUERY_TOO_MANY_TOKENS, QUERY_TOO_MANY_ALIASES, QUERY_TOO_MANY_DIRECTIVES, QUERY_TOO_COSTLY,
    DATE_OUT_OF_RANGE, INVALID_QUERY, SYNTAX_ERROR, DOCUMENT_TOO_DEEP, UNKNOWN_FIELD,
    UNKNOWN_ARGUMENT, MISSING_ARGUMENT, MISSING_ARGUMENT_VALUE, ARGUMENT_INVALID, INVALID_VALUE,
    UNKNOWN_ENUM_VALUE, UNKNOWN_INPUT_FIELD, MISSING_INPUT_FIELD, NULL_VALUE, VARIABLE_INVALID,
    VARIABLE_MISSING, VARIABLE_UNUSED, VARIABLE_UNDEFINED, VARIABLE_TYPE_MISMATCH,
    VARIABLE_NOT_INPUT, DUPLICATE_VARIABLE, VALUES_TOO_DEEP, UNKNOWN_TYPE, UNKNOWN_FRAGMENT,
    UNUSED_FRAGMENT, FRAGMENT_CYCLE, DUPLICATE_FRAGMENT, FRAGMENT_TYPE_MISMATCH,
    FRAGMENT_ON_LEAF, LEAF_WITH_SELECTION, NEEDS_SELECTION, UNKNOWN_DIRECTIVE,
    MISPLACED_DIRECTIVE, DUPLICATE_DIRECTIVE, FIELD_CONFLICT, DUPLICATE_ARGUMENT,
    DUPLICATE_INPUT_FIELD, DUPLICATE_OPERATION, LONE_ANONYMOUS_OPERATION, NOT_EXECUTABLE,
    DID_YOU_MEAN, INVALID_REQUEST, INVALID_JSON,
    JSON_TOO_DEEP, MISSING_QUERY, QUERY_NOT_STRING, VARIABLES_NOT_OBJECT, EXTENSIONS_NOT_OBJECT,
    UNSUPPORTED_CONTENT_TYPE, METHOD_NOT_ALLOWED, QUERIES_ONLY_OVER_GET, UNKNOWN_OPERATION,
    OPERATION_NAME_NEEDED, BATCH_NOT_ACCEPTED, NO_IDE_HERE, UNKNOWN_CATEGORY, UNKNOWN_SKILL,
    REQUEST_TOO_LARGE, VARIABLES_TOO_LARGE, RESPONSE_TOO_LARGE, BATCH_TOO_LARGE,
    ADHOC_GET_REFUSED, INTROSPECTION_STAFF_ONLY, INTROSPECTION_OFF, QUERY_TOO_MANY_DUPLICATES,
)


def message(locale: str, msgid: str | Plural, /, **params: object) -> str:
    """`msgid` translated for `locale` with `params` filled in, numbers written the locale's
    way (its CLDR default digits). A `Plural` needs an integer `count`."""
    if isinstance(msgid, Plural):
        count = params["count"]
        if not isinstance(count, int) or isinstance(count, bool):
            raise TypeError(f"`count` must be an int, not {count!r}")
        template = ngettext(locale, msgid.singular, msgid.plural, plural_operand(locale, count))
    else:
        template = gettext(locale, msgid)
    return template % {name: _written(value, locale) for name, value in params.items()}


def _written(value: object, locale: str) -> object:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return format_number(value, locale)
    return value
