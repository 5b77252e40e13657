"""Build real Git histories with real git commands, as authors and approvers would."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from builders import PROJECT_CONFIG

PEOPLE = {p.id: (p.name, p.emails[0]) for p in PROJECT_CONFIG.people} | {
    "outsider": ("Mallory", "mallory@evil.example"),  # someone doccontrol.yml does not know
}


def plain_git_env(home: Path) -> dict[str, str]:
    """An environment in which git reads no configuration but its defaults and the
    repository's own (a reader's ~/.gitconfig or /etc/gitconfig changes nothing)."""
    return {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "HOME": str(home),
        "LC_ALL": "C",
    }


def ident(who: str) -> str:
    name, email = PEOPLE[who]
    return f"{name} <{email}>"


class GitRepo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.day = 0
        self.run("init", "-q", "-b", "main")
        self.run("config", "commit.gpgsign", "false")

    def next_date(self) -> str:
        self.day += 1
        months, day = divmod(self.day - 1, 28)
        year, month = divmod(months, 12)
        return f"{2026 + year}-{month + 1:02d}-{day + 1:02d}T10:00:00+08:00"

    def run(
        self, *args: str, who: str = "wangfang", date: str | None = None, check: bool = True
    ) -> str:
        result = self.attempt(*args, who=who, date=date)
        if check and result.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {result.stderr}")
        return result.stdout.strip()

    def attempt(
        self, *args: str, who: str = "wangfang", date: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run git as ``who`` (never relying on a global git identity) and return the result."""
        name, email = PEOPLE[who]
        when = date or "2026-01-01T09:00:00+08:00"
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": name,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email,
            "GIT_COMMITTER_DATE": when,
            "GIT_CONFIG_NOSYSTEM": "1",
            "HOME": str(self.root.parent),
        }
        return subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=False
        )

    def merge_message(
        self,
        message: str,
        *branches: str,
        flags: tuple[str, ...] = (),
        who: str = "liujing",
        date: str | None = None,
    ) -> str:
        """A --no-ff merge with a message written out in full (odd trailers, forged ones…)."""
        self.run(
            "merge",
            "--no-ff",
            "-q",
            *flags,
            "-m",
            message,
            *branches,
            who=who,
            date=date or self.next_date(),
        )
        return self.head()

    def commit_raw(
        self, message: bytes, who: str = "wangfang", config: tuple[str, ...] = ()
    ) -> None:
        """Commit the staged files with a message given as bytes (any encoding, even invalid)."""
        name, email = PEOPLE[who]
        env = {
            "GIT_AUTHOR_NAME": name,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email,
            "HOME": str(self.root.parent),
            "PATH": os.environ["PATH"],
        }
        subprocess.run(
            ["git", *config, "commit", "-q", "-F", "-"],
            input=message,
            cwd=self.root,
            env=env,
            check=True,
        )

    def commit(self, message: str, who: str = "wangfang", date: str | None = None) -> str:
        self.run("add", "-A")
        self.run(
            "commit", "-q", "--allow-empty", "-m", message, who=who, date=date or self.next_date()
        )
        return self.head()

    def head(self) -> str:
        return self.run("rev-parse", "HEAD")

    def branch(self, name: str, start: str = "main") -> None:
        self.run("checkout", "-q", "-b", name, start)

    def checkout(self, name: str) -> None:
        self.run("checkout", "-q", name)

    def merge(
        self,
        branch: str,
        title: str,
        who: str = "liujing",
        approvers: tuple[str, ...] = ("liujing",),
        reviewers: tuple[str, ...] = ("wangfang",),
        extra: str = "",
        sign_key: Path | None = None,
        date: str | None = None,
        platform: str = "gitlab",
        number: int = 1,
    ) -> str:
        self.checkout("main")
        lines = [f"Approved-by: {ident(a)}" for a in approvers] + [
            f"Reviewed-by: {ident(r)}" for r in reviewers
        ]
        if platform == "gitlab":
            message = (
                f"Merge branch '{branch}' into 'main'\n\n{title}\n\nSee merge request it/sms!{number}\n\n"
                + "\n".join(lines)
            )
        else:
            message = f"Merge pull request #{number} from team/{branch}\n\n{title}\n\n" + "\n".join(
                lines
            )
        if extra:
            message += "\n" + extra
        args = ["merge", "--no-ff", "-q", "-m", message, branch]
        if sign_key is not None:
            args = [
                "-c",
                "gpg.format=ssh",
                "-c",
                f"user.signingkey={sign_key}",
                *args[:1],
                "-S",
                *args[1:],
            ]
        self.run(*args, who=who, date=date or self.next_date())
        return self.head()
