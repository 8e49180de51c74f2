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
# hub/auth, hub/authentication.py: the reason goes to extensions.detail, in English
CREDENTIALS_REFUSED: Final = N_("Your credentials were refused; sign in again.")
# schema/permissions.py, schema/query.py, schema/mutations
SELF_ONLY: Final = N_("Only the volunteer themself may see this field.")
STAFF_LIST_ONLY: Final = N_("Only staff may list volunteers.")
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
# TRANSLATORS: request_id is an opaque identifier to quote to the hub's operators.
INTERNAL_ERROR: Final = N_("Internal error; the request id is %(request_id)s.")

ALL_MESSAGES: Final[tuple[str | Plural, ...]] = (
    FIRST_NEGATIVE, FIRST_TOO_LARGE, INVALID_CURSOR, INVALID_ID, WRONG_ID_TYPE,
    UNKNOWN_TENANT, TOO_MANY_VALUES, SEARCH_TOO_LONG, NEEDS_OFFSET_EXAMPLE, NEEDS_OFFSET,
    SIGN_IN_TO_SEE, STAFF_ONLY, OWNING_TENANT_STAFF_ONLY, OWNING_TENANT_EDITORS_ONLY,
    PERSONAL_DATA, MORE_ERRORS_LEFT_OUT, INTERNAL_ERROR, CREDENTIALS_REFUSED, SELF_ONLY,
    STAFF_LIST_ONLY, OWN_TENANT_FILTER_ONLY, VOLUNTEER_ONLY, EDITORS_ONLY, NOT_FOUND,
    UNSUPPORTED_LOCALE, UNKNOWN_TEXT_FIELD, TEXT_TOO_LONG, EMPTY_TEXT,
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
