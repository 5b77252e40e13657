"""Controlled PDF copies (受控副本): facts from Git, HTML, WeasyPrint (the ``pdf`` extra)."""
