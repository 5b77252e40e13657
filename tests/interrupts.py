"""What the Ctrl-C tests share."""

from __future__ import annotations

import signal


def interruptible() -> None:
    """``preexec_fn`` for a command a test interrupts: SIGINT back to its default. A terminal's
    foreground job takes SIGINT, but a test run started in the background by a non-interactive
    shell (or under nohup) has it ignored, and an ignored signal is inherited through exec: the
    command would never see the Ctrl-C the test sends."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
