"""The GraphQL documents of the taxonomy tests."""

CATEGORIES = """
query Categories($all: Boolean) {
  categories(includeRetired: $all) { code label active position labels { locale value } }
}
"""

SKILLS = """
query Skills($all: Boolean) { skills(includeRetired: $all) { code label active } }
"""

BOTH = "{ categories { code label } skills { code label } }"

COUNTS = "{ categories { code opportunitiesCount } }"

TERM = "code label active position labels { locale value }"

SET_CATEGORY = f"""
mutation Set($input: SetCategoryInput!) {{ setCategory(input: $input) {{ {TERM} }} }}
"""

SET_SKILL = f"""
mutation Set($input: SetSkillInput!) {{ setSkill(input: $input) {{ {TERM} }} }}
"""

RETIRE_CATEGORY = f"""
mutation Retire($code: String!) {{ retireCategory(code: $code) {{ {TERM} }} }}
"""

RESTORE_CATEGORY = f"""
mutation Restore($code: String!) {{ restoreCategory(code: $code) {{ {TERM} }} }}
"""

RETIRE_SKILL = f"""
mutation Retire($code: String!) {{ retireSkill(code: $code) {{ {TERM} }} }}
"""

RESTORE_SKILL = f"""
mutation Restore($code: String!) {{ restoreSkill(code: $code) {{ {TERM} }} }}
"""

OPPORTUNITY_CATEGORY = """
query One($id: ID!) { opportunity(id: $id) { category { code label active } } }
"""
