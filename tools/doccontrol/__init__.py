"""doccontrol: Git-backed document control for an ISO/IEC 20000-1:2018 service management system.

The core turns files and Git history into plain typed data:
load → validate → history → trail → registers. The CLI, the MkDocs plugin and the
pre-commit hooks in ``doccontrol.cli`` and ``doccontrol.adapters`` are thin shells over it.
"""

__version__ = "0.1.0"
