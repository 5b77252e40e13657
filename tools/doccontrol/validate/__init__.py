"""Validate: schemas and cross-file rules, each finding a Problem with its position."""
