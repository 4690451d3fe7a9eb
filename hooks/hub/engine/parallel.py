"""Language builds side by side, on the cores the machine has.

mkdocs-static-i18n builds the languages one after another inside the first build (its
on_post_build loop). Under `mkdocs build`, with two cores or more, the hub instead forks
one worker process as soon as the language-independent work is done (content loaded and
checked, pages generated) and the site folder is clean: the worker builds its share of
the languages into the same site folder while this process builds the default language
and the rest of its share, exactly as the plugin's loop would (one `build(config)` per
language, site folder not cleaned in between). The worker then sends back what its builds
collected for the finishing steps (hub.engine.harvest: sitemap entries, 404 pages…), and the
site is finished once, here, with everything (search index, sitemap, feeds).

Each language build is the plugin's own; the worker only changes which process runs it.
`mkdocs serve` and `--dirty` builds stay in one process (the server runs threads, and a
preview rebuilds little). `extra.hub.build_workers: 1` or HUB_BUILD_WORKERS=1 turns
this off, and so does a platform without `fork` (Windows): the workers inherit the loaded
build, which could not be sent to a spawned process, so every language is built here, one
after another, into the same site.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Generic, TypeVar

from mkdocs.exceptions import Abort, PluginError

from .. import stack, timing

log = logging.getLogger("mkdocs.hooks.hub")
T = TypeVar("T")
H = TypeVar("H")  # what a worker's language builds collected


def fork_available() -> bool:
    """Whether this platform can fork a worker (POSIX; not Windows)."""
    return hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods()


def share_languages(languages: list[str], workers: int, *, here_first: list[str]) -> list[list[str]]:
    """Split the languages into `workers` shares of about as many languages each (every
    language has about as many pages: an untranslated page is a fallback copy). Share 0
    is this process's: the first language, which it is already building, then those of
    `here_first` in that order. This process gives its pages to the search index as it
    writes them and the index reads the others' from disk at the end, so the languages
    with the most pages to index belong here."""
    size = -(-len(languages) // workers)
    here = [languages[0], *[lang for lang in here_first if lang != languages[0]]][:size]
    others = [lang for lang in languages if lang not in here]
    shares = [here] + [others[index::workers - 1] for index in range(workers - 1)]
    return [[code for code in languages if code in share] for share in shares]


@dataclass
class Forked(Generic[T]):
    """A task running in a forked process, and the pipe its result comes back on."""

    pid: int
    reader: int

    @classmethod
    def start(cls, task: Callable[[], T]) -> Forked[T]:
        """Run `task` in a forked process now. The child exits without running the
        parent's clean-up (atexit handlers, the rest of the parent's build)."""
        reader, writer = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            os.close(reader)
            _run_child(task, writer)
        os.close(writer)
        return cls(pid, reader)

    def result(self) -> T:
        """Wait for the task: its value, or its exception raised here (RuntimeError with
        the child's traceback when the exception does not pickle, or the child died)."""
        with os.fdopen(self.reader, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        if not data:
            raise RuntimeError(f"a forked process ended without a result ({os.waitstatus_to_exitcode(status)})")
        done, value = pickle.loads(data)
        if not done:
            raise value
        return value

    def stop(self) -> None:
        """Never leave it running (after an error in the parent)."""
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
            os.close(self.reader)


def _run_child(task: Callable[[], Any], writer: int) -> None:
    code = 1
    try:
        try:
            payload = pickle.dumps((True, task()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:
            try:
                payload = pickle.dumps((False, error), protocol=pickle.HIGHEST_PROTOCOL)
                pickle.loads(payload)
            except Exception:
                payload = pickle.dumps((False, RuntimeError(traceback.format_exc())))
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(payload)
        code = 0
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


@dataclass
class Worker(Generic[H]):
    task: Forked[tuple[H, float]]
    languages: list[str]


@dataclass
class LanguageWorkers(Generic[H]):
    """The languages this process builds and the workers building the others."""

    own: list[str]
    workers: list[Worker[H]] = field(default_factory=list)
    own_done: bool = False  # this process has built its share; the workers are joined next
    started: float = field(default_factory=time.perf_counter)

    @classmethod
    def fork(cls, config: Any, languages: list[str], shares: list[list[str]],
             collect: Callable[[], H]) -> LanguageWorkers[H]:
        """Start one worker per share after the first. `collect()` is called in a worker
        after its builds and returns what it must send back (picklable)."""
        workers = [
            Worker(Forked.start(partial(_build_share, config, share, collect)), share) for share in shares[1:] if share
        ]
        own = [lang for lang in shares[0] if lang != languages[0]]
        if workers:
            elsewhere = [f"{', '.join(w.languages)} in process {w.task.pid}" for w in workers]
            log.info("hub: building " + "; ".join([f"{', '.join(shares[0])} here", *elsewhere]))
        return cls(own=own, workers=workers)

    def build_own_share(self, config: Any) -> None:
        """Instead of the plugin's loop over every language: this process's share only."""
        stack.take_over_language_loop(config)
        stack.build_languages(config, self.own)
        self.own_done = True
        timing.add("language builds: this process", time.perf_counter() - self.started)

    def join(self, config: Any) -> list[H]:
        """Wait for every worker; what each sent back, or Abort if any failed."""
        stack.hand_back_language_loop(config)
        self.own_done = False
        results: list[H] = []
        failed: list[str] = []
        waiting = time.perf_counter()
        for worker in self.workers:
            try:
                state, seconds = worker.task.result()
            except BaseException:  # the worker has said what went wrong
                failed.extend(worker.languages)
                continue
            results.append(state)
            timing.add(f"language builds: worker ({', '.join(worker.languages)})", seconds)
        timing.add("language builds: waiting for the workers", time.perf_counter() - waiting)
        self.workers = []
        if failed:
            raise Abort(f"Aborted: the build of {', '.join(failed)} failed (see the messages above).")
        return results

    def abandon(self) -> None:
        """After an error here: stop the workers, never leave them running."""
        for worker in self.workers:
            worker.task.stop()
        self.workers = []


def _build_share(config: Any, languages: list[str], collect: Callable[[], H]) -> tuple[H, float]:
    """A worker's whole life: build its languages, then (what it collected, seconds). A
    failure is told here, where its traceback is, and raised for the parent to see."""
    started = time.perf_counter()
    try:
        stack.take_over_language_loop(config)
        stack.build_languages(config, languages)
        return collect(), time.perf_counter() - started
    except (Abort, PluginError) as error:  # said in full: no traceback to add
        log.error(str(error))
        raise
    except BaseException:
        log.error("hub: the build of " + ", ".join(languages) + " failed:\n" + traceback.format_exc())
        raise


@contextmanager
def alongside(task: Callable[[], None]) -> Iterator[None]:
    """Run `task` in a thread while the body runs; its exception, if any, is raised after.
    Meant for work that waits on another process (Pagefind), so the GIL is free."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            task()
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=run, name="hub-alongside")
    thread.start()
    try:
        yield
    finally:
        thread.join()
    if errors:
        raise errors[0]
