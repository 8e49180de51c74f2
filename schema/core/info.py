"""The typed `info` every resolver receives, and shared argument types."""

from typing import Annotated

import strawberry

from resolvers.context import RequestContext

Info = strawberry.Info[RequestContext, None]

# The first link of a field's locale chain. Only the *I18n variants take it: an argument on
# every plain text field costs graphql-core a coercion per item on every page.
FieldLocale = Annotated[
    str | None,
    strawberry.argument(description="Serve this field in this language first (e.g. fr)."),
]
