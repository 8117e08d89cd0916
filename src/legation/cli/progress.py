"""A progress bar with documents per second, on a terminal only.

Drawn on standard error when standard error is a terminal; in a pipe, a
file or a CI log it draws nothing, so output stays clean. Messages printed
through :meth:`Progress.echo` appear above the bar.
"""

from __future__ import annotations

import time

import click
from rich.console import Console
from rich.progress import Progress as RichProgress
from rich.progress import ProgressColumn, SpinnerColumn, Task, TaskID, TextColumn, TimeElapsedColumn
from rich.text import Text


class _Rate(ProgressColumn):
    """Documents per second since the start (rich's own speed column smooths over seconds)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.1f} docs/s", style="progress.data.speed")


class Progress:
    """Counts documents, events and skips; shows them when standard error is a terminal."""

    def __init__(self, enabled: bool = True, label: str = "extracting") -> None:
        self.console = Console(stderr=True)
        self.enabled = enabled and self.console.is_terminal
        self.docs = self.events = self.skipped = 0
        self.started = time.perf_counter()
        self._bar: RichProgress | None = None
        self._task: TaskID | None = None
        self._label = label

    def __enter__(self) -> Progress:
        self.started = time.perf_counter()
        if self.enabled:
            self._bar = RichProgress(
                SpinnerColumn(), TextColumn(self._label),
                TextColumn("{task.completed:,} documents"), _Rate(),
                TextColumn("{task.fields[events]:,} events, {task.fields[skipped]:,} skipped"),
                TimeElapsedColumn(), console=self.console, transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self._label, total=None, events=0, skipped=0)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def advance(self, events: int = 0, skipped: bool = False) -> None:
        self.docs += not skipped
        self.skipped += skipped
        self.events += events
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=1, events=self.events, skipped=self.skipped)

    def echo(self, message: str) -> None:
        """A line on standard error, above the bar when there is one."""
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(message, err=True)

    @property
    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return (self.docs + self.skipped) / elapsed if elapsed > 0 else 0.0
