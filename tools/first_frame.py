#!/usr/bin/env python3
"""Time from process start to the dashboard's first full frame, in a real
pseudo-terminal (120x40, TERM=xterm-256color, UTF-8).

    python3 tools/first_frame.py [BINARY] [--runs N]

BINARY defaults to .build/release/congdanso (build it with
`swift build -c release`). The frame counts as drawn when the output holds
both the first row's name and the footer's last hint, which ncurses writes in
the same update. Prints each run and the median, then quits the dashboard.
"""
import fcntl, os, pty, select, statistics, struct, sys, termios, time

def one_run(binary):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
        env.pop("NO_COLOR", None)
        os.execve(binary, [binary, "dashboard", "--data", "sample-data"], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen = b""
    elapsed = None
    deadline = start + 5
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.01)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            if "Tứ Kỳ".encode() in seen and "thoát".encode() in seen:
                elapsed = time.perf_counter() - start
                break
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 10
    binary = args[0] if args and not args[0].isdigit() else ".build/release/congdanso"
    times = []
    for _ in range(runs):
        t = one_run(binary)
        if t is None:
            print("no frame within 5 s"); sys.exit(1)
        times.append(t * 1000)
    print("first full frame: " + ", ".join(f"{t:.1f}" for t in times) + " ms")
    print(f"median {statistics.median(times):.1f} ms over {runs} runs (target < 60 ms)")

if __name__ == "__main__":
    main()
