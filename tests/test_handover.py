"""A message from the process building the default language to the language worker while
both build (hub.engine.parallel.Handover): the pages of the language whose search index the
worker makes once its own languages are built."""

from __future__ import annotations

import os
import threading

import pytest
from hub.engine.parallel import Forked, Handover, fork_available

pytestmark = pytest.mark.skipif(not fork_available(), reason="no fork on this platform: no worker")

# The paths of a language's indexed pages at N = 20,000: far more than a pipe holds.
PAGES = [f"news/{year}/article-{number:05d}/index.html" for year in range(2016, 2026) for number in range(3_000)]


def test_the_worker_gets_the_pages_sent_while_it_was_still_building() -> None:
    handover = Handover()
    go_reader, go_writer = os.pipe()

    def worker() -> list[str]:
        handover.worker_side()
        os.close(go_writer)
        with os.fdopen(go_reader, "rb") as go:
            go.read()  # "still building" until this process has sent the pages
        return handover.receive()

    task = Forked.start(worker)
    handover.parent_side()
    os.close(go_reader)
    # Sending must not wait for the worker to read: run it aside, with a deadline.
    sender = threading.Thread(target=handover.send, args=(PAGES,))
    sender.start()
    sender.join(timeout=60)
    assert not sender.is_alive(), "sending waited for the worker's builds to end"
    os.close(go_writer)
    assert task.result() == PAGES


def test_a_worker_whose_sender_stopped_says_so() -> None:
    handover = Handover()

    def worker() -> object:
        handover.worker_side()
        return handover.receive()

    task = Forked.start(worker)
    handover.parent_side()
    handover.close()  # a failed build here: nothing will be sent
    with pytest.raises(RuntimeError, match="ended before it sent"):
        task.result()


def test_sending_to_a_worker_that_has_ended_is_no_error_here() -> None:
    handover = Handover()
    task = Forked.start(lambda: handover.worker_side())
    handover.parent_side()
    task.result()
    handover.send(PAGES)  # the worker's own failure, if any, is reported when it is joined
