"""Adapters: the shells that connect the core to other tools (MkDocs, pre-commit)."""
