"""GraphQL documents the tests share, kept as constants (one place to read what is asked)."""

ACCEPTANCE = """
{ tenants { slug kind name }
  opportunities(first: 5) {
    edges { node { title tenant { name } } }
    pageInfo { endCursor hasNextPage } } }
"""

OPPORTUNITY_PAGE = """
query Page($first: Int, $after: String, $filter: OpportunityFilter) {
  opportunities(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id title } }
  }
}
"""

OPPORTUNITY_PAGE_DEEP = """
query Deep($first: Int) {
  opportunities(first: $first) {
    edges { node {
      id title titleI18n { value locale direction isFallback } summary description
      format isOngoing isEmergency startsAtDisplay spotsLeft
      tenant { slug name }
      organization { name city tenant { slug } }
      campaign { title tenant { slug } }
      category { code label }
      skills { code label }
      place { city label }
    } }
  }
}
"""

IDS = """
query Ids($first: Int, $after: String, $filter: OpportunityFilter) {
  opportunities(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id format isEmergency startsAt tenant { slug country } place { country } } }
  }
}
"""
