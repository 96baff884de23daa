#!/usr/bin/env python3
"""Soak run: the dashboard follows a fast-growing event log for minutes on end;
its memory must stay flat and its totals must never drift from the log's
true counts.

    python3 tools/soak.py [--minutes 5] [--plateau-minutes 2] [--rate 2000]
        [--binary .build/release/congdanso]
        [--source sample-data/events.csv --units-dir sample-data]
        [--sample-every 5] [--max-growth 2] [--settle 10] [--verbose] [--keep]

What it does:

1. Makes a temporary data directory with a copy of units.csv and config.toml
   from --units-dir (no snapshots: the event log is the only source).
2. Writes the event log itself, a batch every 100 ms at --rate lines a
   second; every seventh batch ends in a half-written line that the next
   batch completes. The lines come from --source; when it runs out it is
   written again, round after round, with each candidate id given a round
   prefix ("r1-c001015") and the times moved on by the source's span in whole
   days, so the counts keep growing.
3. Opens `congdanso dashboard --data TMP/data --events TMP/events.csv` in a
   160x50 tmux session of its own (LANG=C.UTF-8, tmux's own TERM) and every
   --sample-every seconds reads the dashboard's resident memory (VmRSS from
   /proc), its CPU time and the city totals on its header line.
4. Plateau: for the last --plateau-minutes the log keeps growing at the same
   rate, but with events already counted (the source's first lines again,
   with their own ids and later times). The dashboard reads, parses and
   redraws just as much, while its data stays the same size: its memory must
   stay flat (less than --max-growth percent, see `memory_verdict`) and the
   totals it shows must equal the true counts at every sample.
5. Disturbances (unless --no-disturb): every --disturb-every seconds before
   the plateau, writing pauses and the log is disturbed in turn by the real
   `logrotate` (create mode with gzip, then copytruncate with delaycompress,
   then the date scheme), by a rewrite in place (same inode, same header and
   first lines, same length or longer, other events after them) and by a
   truncation to the header alone (nothing copied: those events are gone).
   After each, the true counts are taken again from the files on disk (the
   live file and every rotated sibling, gzip or not, by this tool's own
   reader) and the dashboard must show exactly them within --settle seconds,
   with no stale mark; every sample taken while it catches up is compared too.
6. Stops writing, waits up to --settle seconds for the dashboard to catch
   up, compares its totals and data moment with the log, reads the status
   line (a stale mark or a reload error fails), quits with `q`, prints the
   figures and a verdict.

The true counts are the tool's own, from the lines it wrote (complete lines
only, header excluded, units in units.csv only): registered = distinct
candidate ids with any event (a completion implies a registration),
completed = distinct ids with a `completed` event.

Exit status 0 when everything holds; 1 when a check fails or the dashboard
died; 2 for bad arguments. The tmux server and the temporary files are
always removed (--keep keeps the files). Build the binary first with
`swift build -c release --product congdanso`. Python 3 standard library
only; needs tmux and Linux's /proc.
"""

import argparse
import datetime as dt
import gzip
import itertools
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BATCH_SECONDS = 0.1
# Every this many batches, the batch ends in the first half of a line; the
# dashboard must wait for its newline rather than count half an event.
SPLIT_EVERY = 7
WIDTH, HEIGHT = 160, 50
EVENT_KINDS = ("registered", "completed")
# At the plateau's start the dashboard still has the last new events to take
# in (it polls once a second); memory and totals are judged from then on.
PLATEAU_SETTLE_SECONDS = 15
ONE_DAY = dt.timedelta(days=1)


# ---------------------------------------------------------------- the log


class LogWriter:
    """Writes the soak's event log and keeps the true counts of what it wrote.

    A line is counted when its newline is written, so the counts always
    describe the complete lines a reader of the file can see.
    """

    def __init__(self, source, path, unit_codes):
        self.source = source
        self.unit_codes = unit_codes
        self.registered = set()
        self.completed = set()
        self.lines_written = 0
        self.repeat_lines = 0  # lines written during the plateau
        self.lines_skipped = 0  # source lines that are not a plain event line
        self.unknown_unit_lines = 0
        self.future_lines = 0
        self.split_lines = 0
        self.rounds_started = 0
        self.round0_counted = 0  # how far into the source round 0 has been written
        self.source_first = None  # the earliest time seen in the source
        self.latest_time = None
        self._pending = b""  # the second half of a split line
        self._pending_fields = None  # and what it counts for once written
        with open(source, encoding="utf-8-sig") as f:
            self.header = f.readline().rstrip("\r\n")
        names = [n.strip().lower() for n in self.header.split(",")]
        try:
            self.columns = {k: names.index(k) for k in ("time", "unit_code", "candidate_id", "event")}
        except ValueError:
            sys.exit(f"soak: {source}: the header must name time, unit_code, candidate_id and event")
        self._lines = self._rounds()
        self.path = path
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o644)
        os.write(self._fd, (self.header + "\n").encode())

    def close(self):
        os.close(self._fd)

    def reopen(self):
        """Opens the log's path again (after a rotation that renamed the
        file), appending: the writer goes on without a header, as a program
        that reopens its log after logrotate's `create` does."""
        os.close(self._fd)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def write_raw(self, data):
        os.write(self._fd, data)

    def recount(self):
        """The true counts taken again from the files on disk: after a
        rewrite or a truncation some events are gone, and only the files
        tell which remain."""
        self.registered, self.completed = count_log_files(self.path, self.columns, self.unit_codes)

    @property
    def true_counts(self):
        return len(self.registered), len(self.completed)

    def _source_events(self, first_pass=False):
        """(raw line, fields) for each plain event line of the source, read
        as a stream (a 500 MB source is never held in memory)."""
        with open(self.source, encoding="utf-8-sig") as f:
            f.readline()  # the header
            for raw in f:
                fields = parse_event_line(raw, self.columns)
                if fields is None:
                    self.lines_skipped += first_pass
                    continue
                yield raw.rstrip("\r\n"), fields

    def _rounds(self):
        """Yields (line, fields) forever: the source as it is, then rounds of
        it with prefixed ids and times moved on by the source's span in whole
        days (learnt during round 0), so every round comes after the one
        before, at the same times of day."""
        last = None
        for round_number in itertools.count():
            self.rounds_started += 1
            shift = round_number * max(1, days_after(self.source_first, last)) * ONE_DAY if round_number else None
            for raw, fields in self._source_events(first_pass=round_number == 0):
                fields["round"] = round_number
                if round_number == 0:
                    moment = fields["time"]
                    self.source_first = min(self.source_first or moment, moment)
                    last = max(last or moment, moment)
                    yield raw, fields
                else:
                    fields["time"] += shift
                    fields["candidate_id"] = f"r{round_number}-{fields['candidate_id']}"
                    yield self._format(fields), fields
            if last is None:
                sys.exit(f"soak: {self.source} holds no event lines")

    def repeat(self):
        """From now on, write events that were counted already (the plateau)."""
        self._lines = self._repeats()

    def _repeats(self):
        """Yields, forever, the source's first lines again, as far as round 0
        has been written, with their own candidate ids: every one of them is
        counted already, so the true counts stay as they are. Their times
        move past the latest written (a later repeat of an event changes
        nothing; an earlier one would rewrite the unit's history)."""
        known = self.round0_counted
        while True:
            shift = (days_after(self.source_first, self.latest_time) + 1) * ONE_DAY
            for raw, fields in itertools.islice(self._source_events(), known):
                # Only events still counted (a rewrite or a truncation may
                # have taken some away): a repeat must change nothing.
                if fields["candidate_id"] not in (self.completed if fields["event"] == "completed"
                                                  else self.registered):
                    continue
                fields["time"] += shift
                fields["round"] = None
                yield self._format(fields), fields

    def _format(self, fields):
        cells = [""] * len(self.columns)
        for name, index in self.columns.items():
            value = fields[name]
            cells[index] = value.isoformat() if name == "time" else value
        return ",".join(cells)

    def _count(self, fields):
        self.lines_written += 1
        self.round0_counted += fields["round"] == 0
        self.repeat_lines += fields["round"] is None
        if impossible(fields["time"]):
            # Later than the clock allows (a long soak's rounds reach the
            # future): the dashboard leaves such lines out, and so does this count.
            self.future_lines += 1
            return
        self.latest_time = max(self.latest_time or fields["time"], fields["time"])
        if fields["unit_code"] not in self.unit_codes:
            self.unknown_unit_lines += 1
            return
        self.registered.add(fields["candidate_id"])  # a completion implies a registration
        if fields["event"] == "completed":
            self.completed.add(fields["candidate_id"])

    def write_batch(self, count, split):
        """Appends `count` lines in one write; with `split`, the last one is
        only half written (its rest goes out first in the next batch)."""
        chunk = [self._pending]
        if self._pending:
            self._count(self._pending_fields)  # completed by this write
            self._pending = b""
        for i in range(count):
            line, fields = next(self._lines)
            data = (line + "\n").encode()
            if split and i == count - 1:
                cut = len(data) // 2
                chunk.append(data[:cut])
                self._pending, self._pending_fields = data[cut:], fields
                self.split_lines += 1
            else:
                chunk.append(data)
                self._count(fields)
        os.write(self._fd, b"".join(chunk))

    def finish(self):
        """Completes a half-written line, so the log ends with a newline."""
        if self._pending:
            os.write(self._fd, self._pending)
            self._pending = b""
            self._count(self._pending_fields)


def parse_event_line(raw, columns):
    """The fields of one event line, or None when it is not a plain event
    line (blank, quoted, wrong field count, bad time or event kind): the
    soak writes only lines whose meaning it is sure of."""
    cells = raw.rstrip("\r\n").split(",")
    if len(cells) != len(columns) or '"' in raw:
        return None
    fields = {name: cells[index].strip() for name, index in columns.items()}
    if fields["event"] not in EVENT_KINDS or not fields["candidate_id"]:
        return None
    try:
        moment = dt.datetime.fromisoformat(fields["time"])
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    fields["time"] = moment
    return fields


def log_files(path):
    """The live log and its rotated siblings (logrotate's numbered and date
    schemes, gzip or not), in no particular order: counts do not depend on it."""
    path = Path(path)
    pattern = re.compile(re.escape(path.name) + r"([.-]\d[\d._-]*)(\.gz)?$")
    files = [p for p in path.parent.iterdir() if pattern.fullmatch(p.name)]
    return ([path] if path.exists() else []) + files


def count_log_files(path, columns, unit_codes):
    """Distinct registered and completed candidates over every file of the
    log: complete lines only (a last line without its newline is not yet an
    event), header lines and unknown units left out."""
    registered, completed = set(), set()
    for file in log_files(path):
        opener = gzip.open if file.name.endswith(".gz") else open
        with opener(file, "rb") as f:
            data = f.read()
        for raw in data.split(b"\n")[:-1]:
            fields = parse_event_line(raw.decode("utf-8", "replace"), columns)
            if fields is None or fields["unit_code"] not in unit_codes or impossible(fields["time"]):
                continue
            registered.add(fields["candidate_id"])
            if fields["event"] == "completed":
                completed.add(fields["candidate_id"])
    return registered, completed


# ------------------------------------------------------------ disturbances

# In turn: three real logrotate runs, a rewrite in place, a truncation.
DISTURBANCES = ("logrotate create+compress", "logrotate copytruncate", "rewrite in place",
                "logrotate dateext", "truncation")


def disturb(kind, writer, workdir, number):
    """Disturbs the log (writing is paused: the caller writes nothing
    meanwhile) and takes the true counts again from the files."""
    writer.finish()  # no half-written line across a disturbance
    log = Path(writer.path)
    if kind.startswith("logrotate"):
        options = {
            "logrotate create+compress": "create 0644\n    compress",
            "logrotate copytruncate": "copytruncate\n    compress\n    delaycompress",
            "logrotate dateext": f"create 0644\n    dateext\n    dateformat -%Y%m%d-{number}",
        }[kind]
        config = Path(workdir) / "logrotate.conf"
        config.write_text(f"{log} {{\n    {options}\n    rotate 1000\n    missingok\n}}\n")
        result = subprocess.run(["logrotate", "-f", "-s", str(Path(workdir) / "logrotate.state"), str(config)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"logrotate failed: {result.stderr.strip()}")
        if "create" in options:
            writer.reopen()
    elif kind == "rewrite in place":
        # Same inode, same header and first lines, not shorter: the second
        # half of the lines replaced by events of new candidates.
        data = log.read_bytes()
        lines = data.split(b"\n")[:-1]
        keep = max(2, len(lines) // 2)
        fresh = []
        for i, raw in enumerate(lines[keep:]):
            fields = parse_event_line(raw.decode("utf-8", "replace"), writer.columns)
            if fields is None:
                fresh.append(raw)
                continue
            fields["candidate_id"] = f"w{number}-{i:08d}"  # longer ids: the file does not shrink
            fresh.append(writer._format(fields).encode())
        body = b"\n".join(lines[:keep] + fresh) + b"\n"
        with open(log, "r+b") as f:
            f.write(body)
            f.truncate(len(body))
    elif kind == "truncation":
        # Emptied in place with nothing copied, then the header written again.
        with open(log, "r+b") as f:
            f.truncate(0)
        writer.write_raw((writer.header + "\n").encode())
    writer.recount()


def impossible(moment):
    """Later than this machine's clock plus the default future_tolerance (10
    minutes): the dashboard warns and leaves the line out."""
    return moment > dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=10)


def days_after(first, last):
    """Whole days from `first` to `last`, rounded up."""
    return -(-(last - first) // ONE_DAY)


# ---------------------------------------------------------- the dashboard


class Dashboard:
    """The dashboard in a tmux session on a private server socket, so no
    other tmux is touched and kill-server ends everything.

    The pane runs a small sh wrapper: it records the dashboard's pid (the
    inner sh execs the binary, so the pid is the dashboard's own) and, when
    the dashboard ends, its exit status; then it sleeps, so the pane and its
    last screen stay readable.
    """

    WRAPPER = (
        "trap : INT QUIT; "
        '/bin/sh -c \'echo $$ > "$0/pid"; exec "$@"\' "$STATE" "$@"; '
        'echo $? > "$STATE/status.tmp" && mv "$STATE/status.tmp" "$STATE/status"; '
        "exec sleep 3600"
    )

    def __init__(self, binary, arguments, workdir):
        self.pid = None
        self.socket_path = None
        self.state = Path(workdir) / "state"
        self.state.mkdir()
        self.socket = f"congdanso-soak-{os.getpid()}"
        # A crash prints its report and ends at once, rather than the Swift
        # runtime waiting for a key on the terminal (as the tmux tests do).
        env = dict(os.environ, LANG="C.UTF-8", STATE=str(self.state), SWIFT_BACKTRACE="interactive=no")
        env.pop("NO_COLOR", None)
        env.pop("TMUX", None)  # started inside tmux, the soak still gets its own server
        command = ["/bin/sh", "-c", self.WRAPPER, "soak", binary, *arguments]
        # No user configuration, no status bar (the pane gets all 50 rows).
        self._tmux(
            "-f", "/dev/null", "start-server", ";", "set-option", "-g", "status", "off", ";",
            "new-session", "-d", "-s", "soak", "-x", str(WIDTH), "-y", str(HEIGHT), "-c", str(workdir),
            shlex.join(command), env=env)
        self.socket_path = self._tmux("display-message", "-p", "#{socket_path}").strip()
        self.pid = self._wait_for_pid()

    def _tmux(self, *arguments, env=None):
        return subprocess.run(["tmux", "-L", self.socket, *arguments], env=env, check=True,
                              capture_output=True, text=True).stdout

    def _wait_for_pid(self):
        path = self.state / "pid"
        for _ in range(100):
            text = path.read_text().strip() if path.exists() else ""
            if text:
                return int(text)
            time.sleep(0.05)
        raise RuntimeError("the dashboard did not start (no pid after 5 s)")

    def screen(self):
        """The pane's text, or "" once tmux is gone."""
        try:
            return self._tmux("capture-pane", "-p", "-t", "soak")
        except subprocess.CalledProcessError:
            return ""

    def wait_for_totals(self, timeout):
        """The header's totals once a frame shows them; None when the
        dashboard ended or the time ran out first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.exit_status() is None:
            totals = shown_totals(self.screen())
            if totals:
                return totals
            time.sleep(0.1)
        return None

    def exit_status(self):
        """The dashboard's exit status, or None while it runs."""
        path = self.state / "status"
        return int(path.read_text()) if path.exists() else None

    def rss_kb(self):
        """VmRSS in kB (None once the process is gone)."""
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return None

    def cpu_seconds(self):
        """User plus system CPU time so far (None once the process is gone)."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def quit(self, timeout=10):
        """Types q; the exit status, or None when it did not exit in time."""
        self._tmux("send-keys", "-t", "soak", "q")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.exit_status()
            if status is not None:
                return status
            time.sleep(0.1)
        return None

    def kill(self):
        """Ends the tmux server (the wrapper gets SIGHUP) and, should the
        dashboard outlive it, the dashboard, by its pid; removes the socket
        file, which tmux leaves behind."""
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        if self.socket_path:
            Path(self.socket_path).unlink(missing_ok=True)
        if self.pid and self.exit_status() is None and Path(f"/proc/{self.pid}").exists():
            try:
                os.kill(self.pid, 9)
            except ProcessLookupError:
                pass


# ------------------------------------------------------- reading the screen


def shown_totals(screen):
    """(registered, completed) from the header's summary line, e.g.
    "Đăng ký 84.360 (+13.723)   Hoàn thành 49.317": Vietnamese numbers use
    '.' between thousands. None when the screen does not show them."""
    head = "\n".join(screen.splitlines()[:4])
    registered = re.search(r"Đăng ký (\d[\d.]*)", head)
    completed = re.search(r"Hoàn thành (\d[\d.]*)", head)
    if not (registered and completed):
        return None
    return int(registered.group(1).replace(".", "")), int(completed.group(1).replace(".", ""))


def shown_moment(screen):
    """The data's moment on the title line ("dữ liệu 22/10/2025 15:00")."""
    match = re.search(r"dữ liệu (\d\d/\d\d/\d{4} \d\d:\d\d)", screen.splitlines()[0] if screen else "")
    return match.group(1) if match else None


def status_line(screen):
    """The status line: the last non-blank line above the key hints (its
    padding squeezed)."""
    lines = [line.strip() for line in screen.splitlines() if line.strip()]
    return re.sub(r" {3,}", "   ", lines[-2]) if len(lines) >= 2 else ""


def screen_problems(screen):
    """What on screen says the log is not being followed cleanly."""
    problems = []
    if "dữ liệu cũ" in screen:
        problems.append("stale mark (dữ liệu cũ) on the header")
    if "Tải lại lỗi" in status_line(screen):
        problems.append("reload error (Tải lại lỗi) on the status line")
    return problems


def local_minute(moment, config):
    """A time as the title line shows it, in the contest's time zone."""
    return moment.astimezone(contest_zone(config)).strftime("%d/%m/%Y %H:%M")


def contest_zone(config):
    """The `timezone = "+07:00"` of config.toml (default +07:00)."""
    text = config.read_text(encoding="utf-8") if config.exists() else ""
    match = re.search(r'^\s*timezone\s*=\s*"([+-])(\d\d):(\d\d)"', text, re.M)
    if not match:
        return dt.timezone(dt.timedelta(hours=7))
    sign = -1 if match.group(1) == "-" else 1
    return dt.timezone(sign * dt.timedelta(hours=int(match.group(2)), minutes=int(match.group(3))))


# ------------------------------------------------------------ the soak run


class Sample:
    """One look at the dashboard while the log was being written."""

    def __init__(self, elapsed, plateau, rss_kb, cpu, shown, true, lines):
        self.elapsed = elapsed  # seconds since writing began
        self.plateau = plateau  # written during the plateau
        self.rss_kb = rss_kb
        self.cpu = cpu  # CPU seconds since writing began
        self.shown = shown  # (registered, completed) on screen, or None
        self.true = true  # the true counts at that moment
        self.lines = lines  # lines written so far
        self.disturbance = None  # taken while the dashboard caught up with one


def make_data_directory(workdir, units_dir):
    """TMP/data with units.csv and (when there is one) config.toml."""
    data = Path(workdir) / "data"
    data.mkdir()
    shutil.copy(Path(units_dir) / "units.csv", data / "units.csv")
    if (Path(units_dir) / "config.toml").exists():
        shutil.copy(Path(units_dir) / "config.toml", data / "config.toml")
    return data


def unit_codes(units_csv):
    """The unit codes of units.csv, as text (leading zeros kept)."""
    with open(units_csv, encoding="utf-8-sig", newline="") as f:
        header = [n.strip().lower() for n in f.readline().rstrip("\r\n").split(",")]
        index = header.index("code")
        return {row.split(",")[index].strip() for row in f if row.strip().strip(",")}


def run_soak(args, workdir):
    """Runs the soak; returns (samples, writer, facts about the end)."""
    data = make_data_directory(workdir, args.units_dir)
    log = Path(workdir) / "events.csv"
    writer = LogWriter(args.source, log, unit_codes(data / "units.csv"))
    per_batch = max(1, round(args.rate * BATCH_SECONDS))
    writer.write_batch(per_batch, split=False)  # something for the first frame to show
    dashboard = None
    facts = {"died": None}
    samples = []
    try:
        dashboard = Dashboard(args.binary, ["dashboard", "--data", str(data), "--events", str(log)], workdir)
        if dashboard.wait_for_totals(timeout=30) is None:
            facts["died"] = 0.0
            facts["last_screen"] = dashboard.screen()
            return samples, writer, facts
        soak_loop(args, writer, dashboard, per_batch, samples, facts)
        if facts["died"] is None:
            facts["caught_up_after"] = settle(args, writer, dashboard)
            screen = dashboard.screen()
            facts["totals"] = shown_totals(screen)
            facts["moment"] = shown_moment(screen)
            facts["status_line"] = status_line(screen)
            facts["problems"] = screen_problems(screen)
            facts["exit_status"] = dashboard.quit()
        return samples, writer, facts
    finally:
        writer.close()
        if dashboard:
            dashboard.kill()


def soak_loop(args, writer, dashboard, per_batch, samples, facts):
    """Writes a batch every 100 ms on a fixed schedule (a slow sample does
    not lower the rate), switches to repeats for the plateau, and samples
    every --sample-every seconds."""
    start = time.monotonic()
    cpu_start = dashboard.cpu_seconds() or 0.0
    duration = args.minutes * 60
    facts["plateau_start"] = duration - args.plateau_minutes * 60
    next_batch, next_sample, last_report = start + BATCH_SECONDS, start, None
    next_disturbance = start + args.disturb_every if args.disturb_every > 0 else float("inf")
    facts["disturbances"] = []
    batch = 1
    plateau = False
    while True:
        now = time.monotonic()
        elapsed = now - start
        if not plateau and now >= next_disturbance and elapsed < facts["plateau_start"] - args.settle:
            number = len(facts["disturbances"])
            kind = DISTURBANCES[number % len(DISTURBANCES)]
            record = check_disturbance(args, kind, number, writer, dashboard, start, cpu_start, samples)
            facts["disturbances"].append(record)
            print(f"  {elapsed:6.0f} s  {kind}: true {record['true'][0]:,} / {record['true'][1]:,}, "
                  + (f"shown after {record['after']:.1f} s" if record["after"] is not None
                     else f"NOT shown within {args.settle:g} s (shown {record['shown']})"), flush=True)
            if dashboard.exit_status() is not None:
                facts["died"] = time.monotonic() - start
                facts["last_screen"] = dashboard.screen()
                break
            # The schedule moves on by the pause: the rate stays the same.
            now = time.monotonic()
            next_batch, next_sample = now + BATCH_SECONDS, now
            next_disturbance = now + args.disturb_every
            continue
        if not plateau and elapsed >= facts["plateau_start"]:
            plateau = True
            writer.repeat()
            print(f"  {elapsed:6.0f} s  plateau: events already counted from now on", flush=True)
        if now >= next_sample:
            sample = take_sample(dashboard, writer, elapsed, plateau, cpu_start)
            if sample is None:
                facts["died"] = elapsed
                facts["last_screen"] = dashboard.screen()
                break
            samples.append(sample)
            next_sample += args.sample_every
            if args.verbose or last_report is None or now - last_report >= 30:
                last_report = now
                print_progress(sample)
        if elapsed >= duration:
            break
        if now >= next_batch:
            batch += 1
            writer.write_batch(per_batch, split=batch % SPLIT_EVERY == 0)
            next_batch += BATCH_SECONDS
        time.sleep(max(0.0, min(next_batch, next_sample) - time.monotonic()))
    writer.finish()
    facts["writing_seconds"] = time.monotonic() - start


def check_disturbance(args, kind, number, writer, dashboard, start, cpu_start, samples):
    """One disturbance, then a sample every 0.2 s until the screen shows the
    true counts (or --settle seconds pass); each is kept and compared."""
    disturb(kind, writer, Path(writer.path).parent, number)
    begun = time.monotonic()
    record = {"kind": kind, "true": writer.true_counts, "after": None, "shown": None, "stale": False}
    while time.monotonic() - begun < args.settle and dashboard.exit_status() is None:
        sample = take_sample(dashboard, writer, time.monotonic() - start, False, cpu_start)
        if sample is None:
            break
        sample.disturbance = kind
        samples.append(sample)
        record["shown"] = sample.shown
        screen = dashboard.screen()
        if sample.shown == sample.true and not screen_problems(screen):
            record["after"] = time.monotonic() - begun
            break
        time.sleep(0.2)
    record["stale"] = bool(screen_problems(dashboard.screen()))
    return record


def take_sample(dashboard, writer, elapsed, plateau, cpu_start):
    """A Sample, or None when the dashboard is gone."""
    rss = dashboard.rss_kb()
    cpu = dashboard.cpu_seconds()
    if rss is None or cpu is None or dashboard.exit_status() is not None:
        return None
    return Sample(elapsed, plateau, rss, cpu - cpu_start, shown_totals(dashboard.screen()), writer.true_counts,
                  writer.lines_written)


def settle(args, writer, dashboard):
    """Seconds the dashboard took, after writing stopped, to show the true
    counts and the latest event's moment (the counts alone do not tell
    after a plateau); None when it did not within --settle seconds."""
    expected = writer.true_counts, local_minute(writer.latest_time, Path(args.units_dir) / "config.toml")
    stopped = time.monotonic()
    while True:
        waited = time.monotonic() - stopped
        screen = dashboard.screen()
        if (shown_totals(screen), shown_moment(screen)) == expected:
            return waited
        if waited >= args.settle:
            return None
        time.sleep(0.2)


def print_progress(sample):
    shown = f"{sample.shown[0]:,} / {sample.shown[1]:,}" if sample.shown else "none"
    print(f"  {sample.elapsed:6.0f} s  {sample.lines:>10,} lines  RSS {megabytes(sample.rss_kb):>9}  "
          f"shown {shown}  (true {sample.true[0]:,} / {sample.true[1]:,})", flush=True)


# --------------------------------------------------------------- the report


def megabytes(kb):
    return f"{kb / 1024:.1f} MB"


def report(args, samples, writer, facts):
    """Prints the figures and the verdict; returns the exit status."""
    writing = facts.get("writing_seconds", 0.0)
    print()
    print(f"duration:     {writing:.1f} s of writing ({args.minutes:g} min asked, the last "
          f"{args.plateau_minutes:g} the plateau)")
    print(f"lines:        {writer.lines_written:,} written, {writer.lines_written / max(writing, 1e-9):,.0f} a second, "
          f"{writer.repeat_lines:,} of them repeats (plateau); {writer.split_lines:,} half-written first; "
          f"{writer.rounds_started} round(s) of {args.source}")
    if writer.future_lines:
        print(f"              {writer.future_lines:,} dated later than the clock allows (not counted)")
    if writer.unknown_unit_lines or writer.lines_skipped:
        print(f"              {writer.unknown_unit_lines:,} with a unit not in units.csv (not counted); "
              f"{writer.lines_skipped:,} source lines skipped (not a plain event line)")
    failures = []
    if facts["died"] is not None:
        print(f"dashboard:    DIED after {facts['died']:.1f} s; its last screen:")
        print(facts.get("last_screen", "").rstrip())
        failures.append("the dashboard died")
    failures += report_memory(args, samples, facts)
    failures += report_lag(samples)
    failures += report_drift(samples, facts)
    failures += report_disturbances(args, samples, facts)
    if facts["died"] is None:
        failures += report_end(args, writer, facts)
    print("verdict:      " + ("PASS" if not failures else "FAIL: " + "; ".join(failures)))
    return 0 if not failures else 1


def report_memory(args, samples, facts):
    """The memory figures of both phases; the plateau's decide."""
    if not samples:
        print("memory:       no samples")
        return ["no memory samples"]
    rss = [s.rss_kb for s in samples]
    print(f"memory:       VmRSS, {len(samples)} samples every {args.sample_every:g} s: first {megabytes(rss[0])}, "
          f"min {megabytes(min(rss))}, max {megabytes(max(rss))}, last {megabytes(rss[-1])}")
    growing = [s for s in samples if not s.plateau]
    # While new candidates arrive the memory grows with the data, by design
    # (per event a delta and a history point, per candidate a table record):
    # shown per line written after the first minute (warm-up), not judged.
    base = next((s for s in growing if s.elapsed >= 60), growing[len(growing) // 2] if growing else None)
    if base and growing[-1].lines > base.lines:
        end = growing[-1]
        per_line = (end.rss_kb - base.rss_kb) * 1024 / (end.lines - base.lines)
        print(f"  growing:    {megabytes(base.rss_kb)} at {base.elapsed:.0f} s -> {megabytes(end.rss_kb)} at "
              f"{end.elapsed:.0f} s: {per_line:.0f} bytes per line written (the data's own growth)")
    last = samples[-1]
    if last.elapsed > 0:
        print(f"cpu:          dashboard {last.cpu:.1f} s in {last.elapsed:.0f} s "
              f"({last.cpu / last.elapsed * 100:.1f}% of one core)")
    return memory_verdict(args, samples, facts)


def memory_verdict(args, samples, facts):
    """Flat: during the plateau, once the dashboard has taken in the last new
    events, its RSS never exceeds the plateau's first sample by --max-growth
    percent (default 2).

    Why the plateau and not the whole run: while the log brings new
    candidates the dashboard's memory must grow (about 100 bytes a line
    of the sample log), so growth over the run says nothing about leaks. In the
    plateau it reads, parses, counts, rebuilds its standings and redraws as
    often as before, but its data stays the same size, so anything kept per
    poll, per line read or per frame shows as growth. 2% allows for the
    allocator's jitter (a few hundred kB on 50-100 MB); a leak of even
    100 bytes a line read adds 12 MB over the default 2 minutes at 2,000
    lines a second.
    """
    judged = plateau_samples(samples, facts)
    if len(judged) < 2:
        print(f"  plateau:    too few samples to judge (the plateau needs more than {PLATEAU_SETTLE_SECONDS} s)")
        return ["memory not judged: the plateau was too short"]
    base = judged[0].rss_kb
    peak = max(s.rss_kb for s in judged)
    growth = (peak - base) / base * 100
    lines = judged[-1].lines - judged[0].lines
    print(f"  plateau:    {megabytes(base)} at {judged[0].elapsed:.0f} s, peak {megabytes(peak)}, last "
          f"{megabytes(judged[-1].rss_kb)} at {judged[-1].elapsed:.0f} s over {lines:,} repeated lines: "
          f"{growth:+.1f}% (flat: below {args.max_growth:g}%)")
    if growth >= args.max_growth:
        return [f"memory grew {growth:.1f}% during the plateau (limit {args.max_growth:g}%)"]
    return []


def plateau_samples(samples, facts):
    """The plateau's samples from PLATEAU_SETTLE_SECONDS into it."""
    start = facts.get("plateau_start", float("inf")) + PLATEAU_SETTLE_SECONDS
    return [s for s in samples if s.plateau and s.elapsed >= start]


def report_lag(samples):
    """How far the shown registrations trailed the log while it grew (a
    figure: the dashboard takes appended events once a second)."""
    behind = sorted(s.true[0] - s.shown[0] for s in samples if s.shown and not s.plateau)
    if behind:
        median, worst = behind[len(behind) // 2], behind[-1]
        print(f"lag:          shown registrations behind the log while it grew: median {median:,}, max {worst:,}")
    return []


def report_drift(samples, facts):
    """During the plateau the totals on screen must be the true ones at
    every sample: repeated events count once."""
    judged = plateau_samples(samples, facts)
    wrong = [s for s in judged if s.shown != s.true]
    print(f"drift:        plateau samples showing the true counts: {len(judged) - len(wrong)} of {len(judged)}")
    if wrong:
        s = wrong[0]
        print(f"              first difference at {s.elapsed:.0f} s: shown {s.shown}, true {s.true}")
        return ["the shown totals drifted from the true counts during the plateau"]
    return []


def report_disturbances(args, samples, facts):
    """Each disturbance must be shown exactly (the independent count of the
    files on disk) within --settle seconds, with no stale mark."""
    records = facts.get("disturbances", [])
    if not records:
        return []
    caught = [r for r in records if r["after"] is not None and not r["stale"]]
    during = [s for s in samples if s.disturbance]
    print(f"disturbances: {len(records)} ({', '.join(sorted({r['kind'] for r in records}))}); "
          f"shown exactly afterwards: {len(caught)} of {len(records)}; {len(during)} samples compared while "
          f"catching up, worst catch-up {max((r['after'] or args.settle) for r in records):.1f} s")
    failures = []
    for r in records:
        if r["after"] is None:
            failures.append(f"after a {r['kind']} the dashboard showed {r['shown']}, not the files' {r['true']}")
        elif r["stale"]:
            failures.append(f"after a {r['kind']} the dashboard was marked stale")
    return failures


def report_end(args, writer, facts):
    """Totals, moment and status line at the end, and the quit."""
    failures = []
    true, shown = writer.true_counts, facts.get("totals")
    caught = facts.get("caught_up_after")
    when = f"all shown {caught:.1f} s after writing stopped" if caught is not None else \
        f"not caught up after {args.settle:g} s"
    shown_text = f"registered {shown[0]:,}, completed {shown[1]:,}" if shown else "no totals"
    print(f"counts:       shown {shown_text}; true registered {true[0]:,}, completed {true[1]:,} ({when})")
    if shown != true:
        failures.append("the shown totals differ from the log's true counts")
    expected = local_minute(writer.latest_time, Path(args.units_dir) / "config.toml")
    print(f"moment:       shown {facts.get('moment')}, latest event written {expected}")
    if facts.get("moment") != expected:
        failures.append("the shown data moment is not the latest event's")
    print(f"status line:  {facts.get('status_line', '')!r}")
    for problem in facts.get("problems", []):
        print(f"              {problem}")
        failures.append(problem)
    status = facts.get("exit_status")
    print("quit:         " + (f"exit status {status}" if status is not None else "did not exit within 10 s of q"))
    if status != 0:
        failures.append("the dashboard did not quit cleanly on q")
    return failures


# ---------------------------------------------------------------- arguments


def parse_arguments():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="See the module docstring (the top of tools/soak.py) for the details.")
    ap.add_argument("--binary", default=str(ROOT / ".build/release/congdanso"),
                    help="the congdanso binary (default: the repository's .build/release/congdanso)")
    ap.add_argument("--minutes", type=float, default=5, help="how long to write the log (default 5)")
    ap.add_argument("--plateau-minutes", type=float, default=2,
                    help="the last minutes, written with events already counted (default 2)")
    ap.add_argument("--rate", type=float, default=2000, help="lines written a second (default 2000)")
    ap.add_argument("--source", default=str(ROOT / "sample-data/events.csv"),
                    help="the event log to write from (default sample-data/events.csv)")
    ap.add_argument("--units-dir", default=str(ROOT / "sample-data"),
                    help="the directory of the source's units.csv and config.toml (default sample-data)")
    ap.add_argument("--sample-every", type=float, default=5, help="seconds between samples (default 5)")
    ap.add_argument("--max-growth", type=float, default=2,
                    help="percent of memory growth during the plateau still called flat (default 2)")
    ap.add_argument("--settle", type=float, default=10,
                    help="seconds to wait for the dashboard to catch up at the end (default 10)")
    ap.add_argument("--disturb-every", type=float, default=20,
                    help="seconds between disturbances of the log before the plateau: logrotate runs, "
                         "a rewrite in place, a truncation (default 20; 0: none)")
    ap.add_argument("--no-disturb", dest="disturb_every", action="store_const", const=0,
                    help="no disturbances (the log only grows)")
    ap.add_argument("--verbose", action="store_true", help="print every sample (default: every 30 s)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory (its path is printed)")
    args = ap.parse_args()
    if not os.access(args.binary, os.X_OK):
        ap.error(f"no executable at {args.binary}; build it with `swift build -c release --product congdanso`")
    if not shutil.which("tmux"):
        ap.error("tmux is not installed")
    if args.disturb_every > 0 and not shutil.which("logrotate"):
        ap.error("logrotate is not installed (apt-get install logrotate), or pass --no-disturb")
    for path in (args.source, Path(args.units_dir) / "units.csv"):
        if not Path(path).is_file():
            ap.error(f"{path} does not exist")
    if args.rate <= 0 or args.sample_every <= 0:
        ap.error("--rate and --sample-every must be above 0")
    if not 0 < args.plateau_minutes < args.minutes:
        ap.error("--plateau-minutes must be above 0 and below --minutes")
    return args


def main():
    args = parse_arguments()
    workdir = tempfile.mkdtemp(prefix="congdanso-soak-")
    print(f"soak: {args.minutes:g} min at {args.rate:g} lines/s from {args.source}\n"
          f"      {args.binary} dashboard in a {WIDTH}x{HEIGHT} tmux; files in {workdir}", flush=True)
    try:
        samples, writer, facts = run_soak(args, workdir)
        return report(args, samples, writer, facts)
    except KeyboardInterrupt:  # the session and the files still go (finally)
        print("soak: interrupted")
        return 130
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
