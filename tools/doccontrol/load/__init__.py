"""Load: bytes on disk → decoded text → YAML data with positions → documents and records."""
