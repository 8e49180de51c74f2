"""Messages of certificates: the words printed on a certificate and on its public
verification page, and the errors of issuing and revoking. English msgids, translated where
they are shown (the certificate's languages, the reader's language, the caller's)."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_

# Who may
ISSUERS_ONLY: Final = N_(
    "Only admins and coordinators of the society may issue or revoke its certificates.")

# Issuing and revoking
NOT_COMPLETED: Final = N_("A certificate is issued for a completed application only.")
NO_VERIFIED_HOURS: Final = N_(
    "This application has no verified hours yet: verify its hours, then issue the "
    "certificate.")
ALREADY_REVOKED: Final = N_("This certificate is already revoked.")

# The certificate (PDF): one block of these per language of the certificate.
# TRANSLATORS: the heading of a volunteering certificate.
TITLE: Final = N_("Certificate of volunteering")
# TRANSLATORS: followed, on its own line, by the volunteer's full name. Prefer a wording
# that needs no gender agreement with the volunteer.
CERTIFIES: Final = N_("This certifies that")
# TRANSLATORS: between the volunteer's name and the opportunity's title, each on its own
# line. Prefer a wording that needs no gender agreement with the volunteer.
COMPLETED: Final = N_("has completed the volunteering opportunity")
# TRANSLATORS: a label, followed by a count such as "12 hours".
VERIFIED_HOURS: Final = N_("Verified hours")
# TRANSLATORS: a label, followed by the dates the volunteer served.
SERVED: Final = N_("Served")
# TRANSLATORS: start and end are long dates, e.g. 20 November 2026.
PERIOD: Final = N_("From %(start)s to %(end)s")
# TRANSLATORS: a label, followed by the date the certificate was issued.
ISSUED_ON: Final = N_("Issued on")
# TRANSLATORS: a label, followed by the certificate's code (letters and digits).
CODE: Final = N_("Certificate code")
# TRANSLATORS: followed by the address of the certificate's verification page.
VERIFY_AT: Final = N_("Verify at")

# The public verification page
# TRANSLATORS: the heading of the page that checks a certificate's code.
VERIFICATION_TITLE: Final = N_("Certificate verification")
VALID: Final = N_("This certificate is valid.")
NOT_VALID: Final = N_("No valid certificate has this code.")
# TRANSLATORS: the code may have been mistyped, or the certificate withdrawn.
NOT_VALID_HINT: Final = N_(
    "Check the code printed on the certificate; a certificate may also have been withdrawn "
    "by the society that issued it.")
# TRANSLATORS: a label, followed by the name of the society that issued the certificate.
ISSUED_BY: Final = N_("Issued by")
# TRANSLATORS: a label, followed by the volunteer's first name and initial.
HOLDER: Final = N_("Holder")

MESSAGES: Final = (
    ISSUERS_ONLY, NOT_COMPLETED, NO_VERIFIED_HOURS, ALREADY_REVOKED, TITLE, CERTIFIES,
    COMPLETED, VERIFIED_HOURS, SERVED, PERIOD, ISSUED_ON, CODE, VERIFY_AT, VERIFICATION_TITLE,
    VALID, NOT_VALID, NOT_VALID_HINT, ISSUED_BY, HOLDER,
)
