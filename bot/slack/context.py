"""What the listeners share: the answer pipeline, its workers, caches and the store.

A listener only builds a `Job` and calls `SlackContext.submit`, which

1. persists it in the store as a *queued job* (over HTTP before Slack gets its ack: the app
   runs with `process_before_response`, and the listeners do nothing slow; in Socket Mode the
   raw event was saved and acked already, see `bot.slack.socket_mode`), so an accepted
   question survives a crash; a redelivered event whose job is unfinished is scheduled again,
   one whose job is finished is ignored;
2. shows a sign of work at once on a small *signal* pool (a reaction on the user's message, the
   assistant status, or a placeholder message) — so it appears within a second even when every
   worker is busy;
3. queues the job for the product's own *workers* (`settings.slack_workers` threads). A worker
   *claims* the job in the store (atomic: one winner, even with two processes on one data
   dir), resolves the access (channel sharing, user groups) and the language, calls `advise()`
   with the thread's history, streams or posts the answer, remembers the turn, marks the job
   done and clears the sign.

At start-up (`resume`) jobs left running by a dead process are queued again and every queued
job is answered — or, when older than `slack_job_max_age_s`, gets a short apology; never
silence. `drain` (SIGTERM/SIGINT) stops claiming, lets answers in progress finish for a bounded
time and leaves the rest queued. The 👀 is removed whenever a job ends (answered, failed or
abandoned), including a job resumed after a restart.

Bolt's own listener pool is never used for slow work, so acks stay fast under load. Any failure
becomes a short friendly message in the thread; only the exception's type reaches the log.
"""

from __future__ import annotations

import logging
import os
import queue
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.deps import Deps
from bot.edge import clean_input
from bot.errors import LevierError
from bot.models import Access, Advice, Brief, Language, Mode, Request
from bot.settings import Settings
from bot.slack import render
from bot.slack.lang import guess_language, locale_language
from bot.slack.store import SlackStore
from bot.slack.strings import s

log = logging.getLogger("levier.slack")

Surface = Literal["mention", "dm", "thread", "assistant", "command", "brief"]
DM_SURFACES = ("dm", "assistant")
WORKING_REACTION = "eyes"
CACHE_TTL_S = 60.0  # access (channel sharing, user groups) is never older than this
STREAM_FLUSH_CHARS = 120
STREAM_FLUSH_S = 0.4
STREAM_MAX_CHARS = 11_000
UPDATE_EVERY_S = 1.0
ACK_PRIORITY_MAX_S = 0.25  # longest an answer waits for acks in progress before it starts
ANSWER_EVENT = "levier_answer"  # message metadata: which job a posted answer belongs to


class AdviseFn(Protocol):
    def __call__(
        self, request: Request, deps: Deps, on_delta: Callable[[str], None] | None = None
    ) -> Advice: ...


@dataclass
class Job:
    """One question to answer, as the listeners saw it."""

    surface: Surface
    channel: str
    text: str
    user: str | None = None
    team: str | None = None
    user_team: str | None = None
    message_ts: str | None = None  # the user's message (reactions go there)
    thread_ts: str | None = None  # the thread to answer in; None: a new message (commands)
    mode: Mode | None = None
    brief: Brief | None = None
    card_title: str | None = None
    placeholder: str | None = None  # text of a placeholder message (commands, brief)
    replace_placeholder: bool = False  # the answer replaces it (brief) or goes in its thread
    response_url: str | None = None
    language: Language | None = None  # known interface language (e.g. chosen in a modal)
    received_at: float = field(default_factory=time.monotonic)
    id: str = ""  # the job's id in the store: the Slack event id, or a fresh one
    created_at: float = field(default_factory=time.time)  # wall clock (survives restarts)
    external: bool = False  # the payload itself says the channel is shared (Slack Connect)
    placeholder_ts: str | None = None  # the placeholder already posted (kept across restarts)

    def __post_init__(self) -> None:
        # Sanitised at the edge: a lone surrogate or a NUL in a payload never reaches the store.
        self.text = clean_input(self.text)

    def to_payload(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in _PAYLOAD_FIELDS}
        data["brief"] = self.brief.model_dump(mode="json") if self.brief is not None else None
        return data

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> Job:
        values = {k: v for k, v in data.items() if k in _PAYLOAD_FIELDS}
        if values.get("brief") is not None:
            values["brief"] = Brief.model_validate(values["brief"])
        return cls(**values)


_PAYLOAD_FIELDS = tuple(f.name for f in fields(Job) if f.name != "received_at")


@dataclass
class Shown:
    """Which sign of work is on screen, to clear exactly that."""

    status: bool = False
    reaction: bool = False
    placeholder_ts: str | None = None


def _short_error(exc: BaseException) -> str:
    """The type and innermost location of an exception: never its message (it may hold text)."""
    tb = exc.__traceback__
    where = ""
    while tb is not None:
        where = f"{tb.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno}"
        tb = tb.tb_next
    return f"{type(exc).__name__} at {where}" if where else type(exc).__name__


class _TTLCache:
    def __init__(self, ttl_s: float = CACHE_TTL_S) -> None:
        self.ttl_s = ttl_s
        self._data: dict[str, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> Any:
        with self._lock:
            hit = self._data.get(key)
            if hit is None or hit[0] < time.monotonic():
                return None
            return hit[1]

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            self._data[key] = (time.monotonic() + self.ttl_s, value)

    def drop(self, key: str | None = None) -> None:
        """Forget `key` (everything when None)."""
        with self._lock:
            if key is None:
                self._data.clear()
            else:
                self._data.pop(key, None)


def _owner_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def owner_alive(owner: str, me: str) -> bool:
    """Whether the process that claimed a job (`host:pid:nonce`) still runs."""
    if owner == me:
        return True
    host, _, rest = owner.partition(":")
    pid_text, _, _nonce = rest.partition(":")
    if host != socket.gethostname():
        return True  # another machine: not ours to judge
    try:
        pid = int(pid_text)
    except ValueError:
        return False
    if pid == os.getpid():
        return False  # an earlier run of this process id (e.g. a restarted container)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class SlackContext:
    def __init__(
        self,
        settings: Settings,
        deps: Deps,
        client: WebClient,
        *,
        advise_fn: AdviseFn,
        store: SlackStore,
        bot_user_id: str | None,
        team_id: str | None,
        signal_workers: int = 8,
    ) -> None:
        self.settings = settings
        self.deps = deps
        self.client = client
        self.advise_fn = advise_fn
        self.store = store
        self.bot_user_id = bot_user_id
        self.team_id = team_id
        self.owner = _owner_id()
        self.signals = ThreadPoolExecutor(signal_workers, thread_name_prefix="levier-signal")
        self._channels = _TTLCache()
        self._users = _TTLCache()
        self._groups = _TTLCache()
        self._closed = False
        self._accepting = True
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._scheduled: set[str] = set()  # job ids queued or running in this process
        self._running: set[str] = set()
        self._signs: dict[str, Future[Shown]] = {}
        self._released: set[str] = set()  # given back at shutdown: their late answers are dropped
        self._acking = 0  # requests being handled until their ack (see `dispatching`)
        self._quiet = threading.Condition(threading.Lock())
        # Daemon threads: a hung answer can never hold the process past its drain time.
        self._workers = [
            threading.Thread(target=self._work, name=f"levier-work-{i}", daemon=True)
            for i in range(settings.slack_workers)
        ]
        for thread in self._workers:
            thread.start()

    def close(self, drain_s: float | None = None) -> None:
        """Stop taking work, let answers in progress finish (bounded), then close the store.

        Questions not started stay queued in the store and are answered at the next start.
        """
        if self._closed:
            return
        self._closed = True
        self.drain(self.settings.slack_drain_s if drain_s is None else drain_s)
        self.signals.shutdown(wait=True, cancel_futures=False)
        self.store.close()

    # ---- the job queue --------------------------------------------------------------------

    def stop_taking_work(self) -> None:
        """No new answer starts from now on (a stop was asked); running ones go on."""
        with self._lock:
            self._accepting = False

    def drain(self, timeout: float) -> int:
        """Claim nothing more; wait up to `timeout` s for running answers; returns how many
        were still running (they go back to the queue for the next start)."""
        with self._lock:
            self._accepting = False
            deadline = time.monotonic() + timeout
            while self._running:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._idle.wait(left)
            unfinished = sorted(self._running)
        for _ in self._workers:
            self._queue.put(None)
        with self._lock:
            self._released.update(unfinished)
        for job_id in unfinished:
            self.store.release_job(job_id, self.owner)
        if unfinished:
            log.warning("stopped with %d answer(s) in progress: queued again", len(unfinished))
        return len(unfinished)

    def resume(self) -> int:
        """At start-up: requeue jobs whose process died, and schedule every queued job."""
        reclaimed = self.store.reclaim(lambda owner: owner_alive(owner, self.owner))
        jobs = self.store.queued_jobs()
        for row in jobs:
            self._schedule(str(row["id"]))
        if jobs:
            log.info("resuming %d unanswered question(s) (%d interrupted)", len(jobs), reclaimed)
        return len(jobs)

    def _schedule(self, job_id: str, sign: Future[Shown] | None = None) -> bool:
        with self._lock:
            if not self._accepting or job_id in self._scheduled:
                return False
            self._scheduled.add(job_id)
            if sign is not None:
                self._signs[job_id] = sign
        self._queue.put(job_id)
        return True

    @contextmanager
    def dispatching(self) -> Iterator[None]:
        """Around the handling of one request until its ack: workers wait to start answers."""
        with self._quiet:
            self._acking += 1
        try:
            yield
        finally:
            with self._quiet:
                self._acking -= 1
                if not self._acking:
                    self._quiet.notify_all()

    def _wait_for_acks(self) -> None:
        """Acks first: a burst of questions (say 100 at start-up) is acknowledged before the
        CPU goes to answering them; never more than `ACK_PRIORITY_MAX_S` per answer."""
        deadline = time.monotonic() + ACK_PRIORITY_MAX_S
        with self._quiet:
            while self._acking:
                left = deadline - time.monotonic()
                if left <= 0:
                    return
                self._quiet.wait(left)

    def _work(self) -> None:
        while True:
            job_id = self._queue.get()
            if job_id is None:
                return
            self._wait_for_acks()
            with self._lock:
                if not self._accepting:  # draining: leave it queued for the next start
                    self._scheduled.discard(job_id)
                    continue
                self._running.add(job_id)
                sign = self._signs.pop(job_id, None)
            try:
                self._run_job(job_id, sign)
            except Exception as exc:  # never lose a worker thread
                log.error("job failed: %s", _short_error(exc))
            finally:
                with self._lock:
                    self._running.discard(job_id)
                    self._scheduled.discard(job_id)
                    self._idle.notify_all()

    def _run_job(self, job_id: str, sign: Future[Shown] | None) -> None:
        row = self.store.claim_job(job_id, self.owner)
        if row is None:
            return  # finished already, or another worker (or process) has it
        job = Job.from_payload(row["payload"])
        job.id = job_id
        resumed = sign is None or int(row["attempts"]) > 1
        reply_ts = row.get("reply_ts")
        if resumed and not reply_ts and int(row["attempts"]) > 1:
            reply_ts = self._find_reply(job)
        if time.time() - job.created_at > self.settings.slack_job_max_age_s:
            self._abandon(job, sign, reply_ts)
            return
        status = self._answer(job, sign, resumed=resumed, reply_ts=reply_ts)
        if status != "released":
            self.store.finish_job(job_id, status)

    def _find_reply(self, job: Job) -> str | None:
        """An answer message a killed run posted before it could record it (its metadata)."""
        thread_ts = job.thread_ts or job.placeholder_ts
        if not thread_ts:
            return None
        try:
            resp = self.client.conversations_replies(
                channel=job.channel, ts=thread_ts, include_all_metadata=True, limit=200
            )
        except SlackApiError as exc:
            log.info("conversations.replies failed: %s", exc.response.get("error"))
            return None
        for msg in resp.get("messages") or ():
            meta = msg.get("metadata") or {}
            if (meta.get("event_payload") or {}).get("job") == job.id:
                return str(msg.get("ts"))
        return None

    def _abandon(self, job: Job, sign: Future[Shown] | None, reply_ts: str | None) -> None:
        lang = self.interface_language(job)
        shown = self._sign_of(job, sign, resumed=True)
        text = f":hourglass: {s('job.too_old', lang)}"
        try:
            target = reply_ts or (shown.placeholder_ts if job.replace_placeholder else None)
            if target is not None:
                self.client.chat_update(channel=job.channel, ts=target, text=text, blocks=[])
            else:
                thread_ts = job.thread_ts or shown.placeholder_ts
                if thread_ts is not None:
                    self.client.chat_postMessage(
                        channel=job.channel, thread_ts=thread_ts, text=text
                    )
                elif job.response_url:
                    self._respond(job.response_url, text)
        except Exception as exc:
            log.error("could not apologise for an old question: %s", _short_error(exc))
        finally:
            self.store.finish_job(str(job.id), "abandoned")
            self._clear_working(job, shown)

    def job_counts(self) -> dict[str, int]:
        return self.store.job_counts()

    # ---- entry points used by listeners ----------------------------------------------------

    def quick(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run a short Slack call (a modal, a prompt list) off bolt's listener threads."""
        self.signals.submit(self._guarded, fn, *args)

    def submit(self, job: Job) -> None:
        """Persist the question, show a sign of work at once, then answer on a worker."""
        if not job.text.strip() and job.brief is None:
            self.quick(self._say_hello, job)  # a bare mention: say what Levier can do
            return
        if not job.id:
            job.id = "J" + uuid.uuid4().hex
        thread = (job.channel, job.thread_ts) if job.thread_ts is not None else None
        if not self.store.put_job(job.id, job.to_payload(), thread=thread):
            # Seen before (a retry, or a redelivery after a restart): answered already, or
            # unfinished — then make sure it is scheduled (the claim keeps it to one answer).
            if self.store.job_status(job.id) in ("queued", "running"):
                self.store.reclaim(lambda owner: owner_alive(owner, self.owner), job.id)
                self._schedule(job.id)
            return
        with self._lock:
            accepting = self._accepting
        if not accepting:
            return  # stopping: the job waits in the store for the next start
        sign = self.signals.submit(self._show_working_after_acks, job)
        self._schedule(job.id, sign)

    def _show_working_after_acks(self, job: Job) -> Shown:
        self._wait_for_acks()  # the ack matters more than the 👀, by a few milliseconds
        return self._show_working(job)

    def _say_hello(self, job: Job) -> None:
        lang = job.language or self.locale_language(job.user) or "en"
        self.client.chat_postMessage(
            channel=job.channel, thread_ts=job.thread_ts, text=s("help", lang)
        )

    def _guarded(self, fn: Callable[..., Any], *args: Any) -> None:
        try:
            fn(*args)
        except Exception as exc:  # a background helper must never kill its thread quietly
            log.warning(
                "slack helper %s failed: %s", getattr(fn, "__name__", "?"), _short_error(exc)
            )

    # ---- language and access ---------------------------------------------------------------

    def user_info(self, user: str | None) -> dict[str, Any]:
        return self._user_info(user) or {}

    def _user_info(self, user: str | None) -> dict[str, Any] | None:
        """users.info (cached); None when Slack could not say (not cached: asked again)."""
        if not user:
            return {}
        cached = self._users.get(user)
        if cached is not None:
            return dict(cached)
        try:
            resp = self.client.users_info(user=user, include_locale=True)
            info = dict(resp.get("user") or {})
        except SlackApiError as exc:
            log.info("users.info failed: %s", exc.response.get("error"))
            return None
        self._users.put(user, info)
        return info

    def cached_locale_language(self, user: str | None) -> Language | None:
        cached = self._users.get(user) if user else None
        return locale_language(cached.get("locale")) if cached else None

    def locale_language(self, user: str | None) -> Language | None:
        return locale_language(self.user_info(user).get("locale"))

    def channel_is_external(self, channel: str) -> bool:
        """True for shared / Slack Connect conversations; True as well when unsure."""
        cached = self._channels.get(channel)
        if cached is not None:
            return bool(cached)
        try:
            info = dict(self.client.conversations_info(channel=channel).get("channel") or {})
        except SlackApiError as exc:
            log.info("conversations.info failed: %s", exc.response.get("error"))
            return True  # fail closed: public documents only
        external = any(
            bool(info.get(flag))
            for flag in ("is_ext_shared", "is_shared", "is_org_shared", "is_pending_ext_shared")
        )
        self._channels.put(channel, external)
        return external

    def user_groups(self, user: str) -> tuple[str, ...]:
        """The user groups `user` belongs to; none when Slack could not say (fail closed)."""
        cached = self._groups.get("all")
        if cached is None:
            try:
                resp = self.client.usergroups_list(include_users=True)
                cached = {
                    str(g["id"]): tuple(g.get("users") or ()) for g in resp.get("usergroups") or ()
                }
            except SlackApiError as exc:
                log.info("usergroups.list failed: %s", exc.response.get("error"))
                return ()  # not cached: the next question asks again
            self._groups.put("all", cached)
        return tuple(sorted(gid for gid, users in cached.items() if user in users))

    # ---- cache invalidation (Slack tells us when access changes) ----------------------------

    def channel_changed(self, channel: str | None, *, shared: bool | None = None) -> None:
        """`channel_shared` / `channel_unshared`: the next answer asks Slack again (a channel
        that became shared is external at once)."""
        if not channel:
            return
        if shared:
            self._channels.put(channel, True)
        else:
            self._channels.drop(channel)

    def groups_changed(self) -> None:
        """`subteam_updated` / `subteam_members_changed`: group membership is read again."""
        self._groups.drop()

    def access_for(self, job: Job) -> Access:
        """The access of the audience that will read the answer.

        In a channel that is the channel itself (its members read the answer), never the
        asker's own groups; in a DM with the bot, the asker's user groups too. Shared and
        Slack Connect conversations, and askers from another workspace, see public documents
        only.
        """
        # The payload's own flag first: a channel just made shared is external at once.
        external = job.external or self.channel_is_external(job.channel)
        if job.user_team and self.team_id and job.user_team != self.team_id:
            external = True
        groups: tuple[str, ...] = ()
        if job.surface in DM_SURFACES and job.user:
            checked = self._user_info(job.user)
            info = checked if checked is not None else {"is_stranger": True}  # fail closed
            if info.get("is_stranger") or (
                info.get("team_id") and self.team_id and info.get("team_id") != self.team_id
            ):
                external = True
            groups = self.user_groups(job.user)
        return Access(channel_id=job.channel, user_groups=groups, external=external)

    def interface_language(self, job: Job) -> Language:
        if job.language:
            return job.language
        return guess_language(job.text, self.cached_locale_language(job.user))

    # ---- the sign of work -----------------------------------------------------------------

    def _show_working(self, job: Job, *, resumed: bool = False) -> Shown:
        """Status, placeholder or reaction: whichever fits the surface, at once.

        For a job resumed after a restart the placeholder already posted is reused, and a
        reaction already there counts as shown (so it is removed at the end)."""
        lang = self.interface_language(job)
        shown = Shown()
        try:
            if job.surface == "assistant" and job.thread_ts:
                try:
                    self.client.assistant_threads_setStatus(
                        channel_id=job.channel,
                        thread_ts=job.thread_ts,
                        status=s("status.thinking", lang),
                        loading_messages=[s("status.searching", lang), s("status.writing", lang)],
                    )
                    shown.status = True
                    return shown
                except SlackApiError:
                    pass  # not an assistant thread after all: fall back to a reaction
            if job.placeholder is not None:
                if job.placeholder_ts is not None:
                    shown.placeholder_ts = job.placeholder_ts
                    return shown
                resp = self.client.chat_postMessage(
                    channel=job.channel, text=job.placeholder, thread_ts=job.thread_ts
                )
                shown.placeholder_ts = str(resp["ts"])
                job.placeholder_ts = shown.placeholder_ts
                if job.id:
                    self.store.update_job_payload(job.id, job.to_payload())
            elif job.message_ts:
                shown.reaction = True  # set first: even a failed add is cleared at the end
                self.client.reactions_add(
                    channel=job.channel, timestamp=job.message_ts, name=WORKING_REACTION
                )
        except SlackApiError as exc:
            error = exc.response.get("error")
            if error != "already_reacted" or not resumed:
                log.info("sign of work failed: %s", error)
        return shown

    def _sign_of(self, job: Job, sign: Future[Shown] | None, *, resumed: bool) -> Shown:
        if sign is not None:
            try:
                return sign.result(timeout=30)
            except Exception as exc:
                log.info("sign of work failed: %s", _short_error(exc))
                return Shown(reaction=bool(job.message_ts and job.placeholder is None))
        return self._show_working(job, resumed=resumed)

    def _clear_working(self, job: Job, shown: Shown) -> None:
        if shown.status and job.thread_ts:
            try:
                self.client.assistant_threads_setStatus(
                    channel_id=job.channel, thread_ts=job.thread_ts, status=""
                )
            except SlackApiError as exc:
                log.info("clearing the status failed: %s", exc.response.get("error"))
        if shown.reaction and job.message_ts:
            try:
                self.client.reactions_remove(
                    channel=job.channel, timestamp=job.message_ts, name=WORKING_REACTION
                )
            except SlackApiError as exc:
                log.info("removing the reaction failed: %s", exc.response.get("error"))

    # ---- the answer -----------------------------------------------------------------------

    def _answer(
        self,
        job: Job,
        sign: Future[Shown] | None,
        *,
        resumed: bool = False,
        reply_ts: str | None = None,
    ) -> str:
        """Answer `job`; returns the job's final status ('done' or 'failed')."""
        started = time.monotonic()
        lang = self.interface_language(job)
        shown = Shown()
        placeholder_ts: str | None = None
        streamer: _Streamer | None = None
        try:
            shown = self._sign_of(job, sign, resumed=resumed)
            placeholder_ts = shown.placeholder_ts
            thread_ts = job.thread_ts or placeholder_ts
            if thread_ts is not None and job.thread_ts is None:
                self.store.remember_thread(job.channel, thread_ts)
            update_ts = placeholder_ts if job.replace_placeholder else None
            if reply_ts is not None:
                # A restart: the answer message of the killed run is reused, never doubled.
                update_ts = reply_ts
                with_stream_closed(self.client, job.channel, reply_ts)
            locale_lang = self.locale_language(job.user)
            lang = job.language or guess_language(job.text, locale_lang)
            history = self.store.history(job.channel, thread_ts) if thread_ts else []
            access = self.access_for(job)
            if job.surface == "assistant" and not history and job.thread_ts:
                self._set_title(job)
            streamer = (
                _Streamer(self.client, job, thread_ts, on_start=self._reply_started(job))
                if thread_ts and update_ts is None
                else None
            )
            request = Request(
                text=job.text,
                mode=job.mode,
                language=locale_lang or lang,
                access=access,
                history=history,
                brief=job.brief,
                stream=streamer is not None,
            )
            advice = self.advise_fn(
                request, self.deps, on_delta=streamer.on_delta if streamer else None
            )
            if self._was_released(job):
                return "released"  # stopped meanwhile: the next start answers it
            answer_id = self.store.add_answer(
                channel=job.channel,
                thread_ts=thread_ts,
                user_id=job.user,
                question=job.text,
                answer=advice.text,
                sources=list(advice.sources),
                language=advice.language,
            )
            if thread_ts:  # before it shows: a follow-up sent the moment it appears has it
                self.store.add_turn(job.channel, thread_ts, job.text, advice.brief, advice.text)
            self._deliver(job, advice, answer_id, thread_ts, update_ts, streamer)
            log.info(
                "answered surface=%s mode=%s sources=%d in %.2f s",
                job.surface,
                advice.mode,
                len(advice.sources),
                time.monotonic() - started,
            )
            return "done"
        except Exception as exc:
            if self._was_released(job):
                return "released"
            log.error("answer failed (surface=%s): %s", job.surface, _short_error(exc))
            update_ts = placeholder_ts if job.replace_placeholder else None
            if reply_ts is not None:
                update_ts = reply_ts
            self._apologise(job, exc, lang, update_ts, job.thread_ts or placeholder_ts, streamer)
            return "failed"
        finally:
            if not self._was_released(job):
                self._clear_working(job, shown)

    def _was_released(self, job: Job) -> bool:
        with self._lock:
            return job.id in self._released

    def _reply_started(self, job: Job) -> Callable[[str], None]:
        def record(ts: str) -> None:
            if job.id:
                self.store.set_reply_ts(job.id, ts)

        return record

    def _set_title(self, job: Job) -> None:
        title = " ".join(render.defang(job.text).split())[:60]
        try:
            self.client.assistant_threads_setTitle(
                channel_id=job.channel, thread_ts=str(job.thread_ts), title=title
            )
        except SlackApiError as exc:
            log.debug("setTitle failed: %s", exc.response.get("error"))

    def _deliver(
        self,
        job: Job,
        advice: Advice,
        answer_id: str,
        thread_ts: str | None,
        update_ts: str | None,
        streamer: _Streamer | None,
    ) -> None:
        base = self.settings.source_base_url
        if streamer is not None and streamer.started and advice.trace.fallback:
            # The model failed after part of its text was streamed: that text is not the
            # answer. Close the stream and replace the message with the offline card.
            streamer.abort()
            update_ts = streamer.ts
            streamer = None
        if streamer is not None and streamer.started:
            extra = render.answer_blocks(
                advice,
                answer_id=answer_id,
                source_base_url=base,
                include_text=False,
                card_title=job.card_title,
            )
            rest = streamer.finish(advice, extra)
        else:
            pages = render.answer_messages(
                advice, answer_id=answer_id, source_base_url=base, card_title=job.card_title
            )
            rest = pages
            if update_ts is not None:
                first, rest = pages[0], pages[1:]
                self.client.chat_update(
                    channel=job.channel, ts=update_ts, text=first.text, blocks=first.blocks
                )
            elif rest:
                first, rest = rest[0], rest[1:]
                ts = self._post(job, first, thread_ts, metadata=True)
                if ts is not None and job.id:
                    self.store.set_reply_ts(job.id, ts)
        for page in rest:
            self._post(job, page, thread_ts)

    def _post(
        self, job: Job, page: render.Message, thread_ts: str | None, *, metadata: bool = False
    ) -> str | None:
        extra: dict[str, Any] = {}
        if metadata and job.id:
            # Lets a restart find an answer posted just before a crash (no second answer).
            extra["metadata"] = {"event_type": ANSWER_EVENT, "event_payload": {"job": job.id}}
        try:
            resp = self.client.chat_postMessage(
                channel=job.channel,
                thread_ts=thread_ts,
                text=page.text,
                blocks=page.blocks,
                unfurl_links=False,
                unfurl_media=False,
                **extra,
            )
            return str(resp.get("ts") or "") or None
        except SlackApiError as exc:
            if job.response_url and exc.response.get("error") in (
                "not_in_channel",
                "channel_not_found",
                "is_archived",
            ):
                self._respond(job.response_url, page.text, page.blocks)
                return None
            raise

    def _trusted_response_url(self, url: str) -> bool:
        """Only Slack's own hooks (or the configured API host, e.g. a test double)."""
        api = urlsplit(self.settings.slack_api_url)
        got = urlsplit(url)
        if got.scheme == "https" and got.hostname == "hooks.slack.com":
            return True
        return (got.scheme, got.hostname, got.port) == (api.scheme, api.hostname, api.port)

    def _respond(self, url: str, text: str, blocks: list[render.Block] | None = None) -> None:
        from slack_sdk.webhook import WebhookClient

        if not self._trusted_response_url(url):
            raise ValueError("untrusted response_url")
        WebhookClient(url, timeout=10).send(
            text=text, blocks=blocks, response_type="in_channel", replace_original=False
        )

    def _apologise(
        self,
        job: Job,
        exc: BaseException,
        lang: Language,
        update_ts: str | None,
        thread_ts: str | None,
        streamer: _Streamer | None,
    ) -> None:
        message = exc.user_message(lang) if isinstance(exc, LevierError) else s("error", lang)
        text = f":warning: {message}"
        try:
            if streamer is not None and streamer.started:
                streamer.abort()  # the partial text is replaced by the apology
                update_ts = streamer.ts
            if update_ts is not None:
                self.client.chat_update(channel=job.channel, ts=update_ts, text=text, blocks=[])
            elif thread_ts is not None:
                self.client.chat_postMessage(channel=job.channel, thread_ts=thread_ts, text=text)
            elif job.response_url:
                self._respond(job.response_url, text)
        except Exception as inner:
            log.error("could not tell the user about a failure: %s", _short_error(inner))


class _Streamer:
    """Streams deltas with chat.startStream/appendStream/stopStream; falls back to post+update.

    Text is flushed at word boundaries, never inside a `<…>` token, so defanging cannot be
    defeated by a mention split across two deltas. Past `STREAM_MAX_CHARS` the rest of the text
    is kept and posted as ordinary (split) messages once the answer is complete.
    """

    def __init__(
        self,
        client: WebClient,
        job: Job,
        thread_ts: str,
        on_start: Callable[[str], None] | None = None,
    ) -> None:
        self.client = client
        self.on_start = on_start
        self.job = job
        self.thread_ts = thread_ts
        self.ts: str | None = None
        self.mode: Literal["stream", "update"] = "stream"
        self.buffer = ""
        self.sent = ""
        self.overflow = ""
        self._last_flush = 0.0
        self._last_update = 0.0
        self._lock = threading.Lock()

    @property
    def started(self) -> bool:
        return self.ts is not None

    def on_delta(self, delta: str) -> None:
        with self._lock:
            if self.overflow:
                self.overflow += delta
                return
            self.buffer += delta
            now = time.monotonic()
            due = len(self.buffer) >= STREAM_FLUSH_CHARS or now - self._last_flush >= STREAM_FLUSH_S
            if not due:
                return
            cut = _safe_cut(self.buffer)
            if cut <= 0:
                return
            chunk, self.buffer = self.buffer[:cut], self.buffer[cut:]
            if len(self.sent) + len(chunk) > STREAM_MAX_CHARS:
                self.overflow, self.buffer = chunk + self.buffer, ""
                return
            self._send(render.defang(chunk))
            self._last_flush = now

    def _send(self, chunk: str) -> None:
        if self.mode == "stream":
            try:
                if self.ts is None:
                    resp = self.client.chat_startStream(
                        channel=self.job.channel,
                        thread_ts=self.thread_ts,
                        markdown_text=chunk,
                        recipient_user_id=self.job.user,
                        recipient_team_id=self.job.user_team or self.job.team,
                    )
                    self.ts = str(resp["ts"])
                    self._started()
                else:
                    self.client.chat_appendStream(
                        channel=self.job.channel, ts=self.ts, markdown_text=chunk
                    )
                self.sent += chunk
                return
            except SlackApiError as exc:
                log.info("streaming failed (%s): posting then updating", exc.response.get("error"))
                self.mode = "update"
        self.sent += chunk
        text = render.split_text(render.md_to_mrkdwn(self.sent))[0]
        if self.ts is None:
            resp = self.client.chat_postMessage(
                channel=self.job.channel, thread_ts=self.thread_ts, text=text
            )
            self.ts = str(resp["ts"])
            self._started()
            self._last_update = time.monotonic()
        elif time.monotonic() - self._last_update >= UPDATE_EVERY_S:
            self.client.chat_update(channel=self.job.channel, ts=self.ts, text=text)
            self._last_update = time.monotonic()

    def _started(self) -> None:
        if self.on_start is not None and self.ts is not None:
            try:
                self.on_start(self.ts)
            except Exception as exc:
                log.info("recording the answer message failed: %s", _short_error(exc))

    def finish(self, advice: Advice, extra: list[render.Block]) -> list[render.Message]:
        """Close the message with `extra` blocks below the text; returns pages left to post."""
        with self._lock:
            rest = self.overflow or self.buffer
            self.buffer = self.overflow = ""
            assert self.ts is not None
            overflow_blocks: list[render.Block] = []
            if len(self.sent) + len(rest) > STREAM_MAX_CHARS:
                overflow_blocks, rest = render.sections(render.md_to_mrkdwn(rest)), ""
            if self.mode == "stream":
                # The text's tail and the first page of blocks close the stream; when the text
                # overflowed, the blocks follow it in later messages.
                pages = render.paginate([*overflow_blocks, *extra], advice.text)
                first = [] if overflow_blocks else pages[0].blocks
                self.client.chat_stopStream(
                    channel=self.job.channel,
                    ts=self.ts,
                    markdown_text=render.defang(rest) or None,
                    blocks=first or None,
                )
                return pages if overflow_blocks else pages[1:]
            body = render.sections(render.md_to_mrkdwn(self.sent + rest))
            pages = render.paginate([*body, *overflow_blocks, *extra], advice.text)
            self.client.chat_update(
                channel=self.job.channel, ts=self.ts, text=pages[0].text, blocks=pages[0].blocks
            )
            return pages[1:]

    def abort(self) -> None:
        with self._lock:
            self.overflow = self.buffer = ""
            if self.ts is not None and self.mode == "stream":
                with_stream_closed(self.client, self.job.channel, self.ts)


def with_stream_closed(client: WebClient, channel: str, ts: str) -> None:
    """Stop a stream that may still be open (after a crash or a failure); errors ignored."""
    try:
        client.chat_stopStream(channel=channel, ts=ts)
    except SlackApiError as exc:
        log.debug("stopStream: %s", exc.response.get("error"))


def _safe_cut(text: str) -> int:
    """How much of `text` can be sent now: up to the last whitespace, before any open `<`."""
    cut = max(text.rfind(" "), text.rfind("\n"), text.rfind("\t")) + 1
    head = text[:cut]
    open_at = head.rfind("<")
    if open_at > head.rfind(">"):
        cut = open_at
    # a bare "@here" may be cut as "@" + "here": keep a trailing "@" for the next flush
    while cut > 0 and text[cut - 1] in "@＠":
        cut -= 1
    return cut
