"""Trusted documents (persisted queries): manifests of client build tools, the registry of
documents by id (global or per API client), and the lookup that requests use."""

from hub.documents.lookup import DocumentCache, DocumentFinder
from hub.documents.manifests import Manifest, ManifestEntry, ManifestError, read_manifest
from hub.documents.registry import Check, PushRefused, PushReport, StoredDocument

__all__ = ["Check", "DocumentCache", "DocumentFinder", "Manifest", "ManifestEntry",
           "ManifestError", "PushRefused", "PushReport", "StoredDocument", "read_manifest"]
