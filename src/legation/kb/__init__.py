"""The actor knowledge base: states, institutions, organisations and dated offices."""

from .base import KBEntity, KnowledgeBase, Resolved, SurfaceForm, normalize_name

__all__ = ["KBEntity", "KnowledgeBase", "Resolved", "SurfaceForm", "normalize_name"]
