"""The tenant registry: one TOML file per society or association, validated at start."""

from tenants.registry import (
    BadgeRule,
    TenantDefinition,
    TenantFileError,
    TenantKind,
    load_registry,
    packaged_dir,
)

__all__ = [
    "BadgeRule",
    "TenantDefinition",
    "TenantFileError",
    "TenantKind",
    "load_registry",
    "packaged_dir",
]
