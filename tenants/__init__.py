"""The tenant registry: one TOML file per society or association, validated at start."""

from tenants.recognition import BadgeRule, Benefit, CertificateStyle, Level, Recognition
from tenants.registry import (
    TenantDefinition,
    TenantFileError,
    TenantKind,
    load_registry,
    packaged_dir,
)

__all__ = [
    "BadgeRule",
    "Benefit",
    "CertificateStyle",
    "Level",
    "Recognition",
    "TenantDefinition",
    "TenantFileError",
    "TenantKind",
    "load_registry",
    "packaged_dir",
]
