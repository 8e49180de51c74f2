"""Notifications: the outbox rows a write leaves for a volunteer, their delivery and listing."""
