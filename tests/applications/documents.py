"""The mutations and queries these tests send."""

APPLICATION_FIELDS = """id status statusLabel decisionReason decisionReasonLabel decisionNote
                        waitlistPosition decidedAt completedAt"""

APPLY = ("mutation($input: ApplyToOpportunityInput!) { applyToOpportunity(input: $input) { "
         + APPLICATION_FIELDS + " } }")
WITHDRAW = ("mutation($input: WithdrawApplicationInput!) { withdrawApplication(input: $input)"
            " { " + APPLICATION_FIELDS + " } }")
DECIDE = ("mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { "
          + APPLICATION_FIELDS + " } }")
COMPLETE = ("mutation($input: CompleteApplicationInput!) { completeApplication(input: $input)"
            " { " + APPLICATION_FIELDS + " } }")
LOG = """mutation($input: LogHoursInput!) { logHours(input: $input) {
           id date hours status statusLabel note reviewNote verified } }"""
VERIFY = """mutation($input: VerifyHoursInput!) { verifyHours(input: $input) {
              id hours status statusLabel reviewNote verified verifiedAt } }"""
OPPORTUNITY = """query($id: ID!, $status: ApplicationStatus) { opportunity(id: $id) {
  acceptance minimumAge spotsLeft applicationsCount
  applications(status: $status, first: 50) { totalCount edges { node { id status
    waitlistPosition } } } } }"""
HOURS_QUEUE = """query($first: Int, $after: String) { hoursToVerify(first: $first, after: $after)
  { totalCount pageInfo { hasNextPage endCursor } edges { node { id hours status
    application { id } } } } }"""
DECIDE_QUEUE = """{ applicationsToDecide(first: 50) { totalCount edges { node { id status } } } }"""
VOLUNTEER_HOURS = """query($id: ID!) { volunteer(id: $id) { verifiedHours hoursDisplay } }"""
