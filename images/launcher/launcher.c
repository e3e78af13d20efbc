/*
 * launcher: PID 1 of every sandbox container (docs/sandbox-protocol.md).
 *
 * Reads host->launcher frames on fd 0, writes launcher->host frames on fd 1 (always whole frames)
 * and plain-text diagnostics on fd 2. Runs one untrusted program at a time as the runner user,
 * enforces the run's limits, and wipes the sandbox on reset.
 *
 * Build: gcc -static -O2 -Wall -Wextra -Werror -o launcher launcher.c
 *
 * Options: --cpus N, the container's CPU quota (bounds CPU measured without cgroup files).
 * For tests only (production passes none of these): --workdir DIR, --uid N, --gid N,
 * --no-tmp-wipe (leave /tmp, /dev/shm and /dev/mqueue alone: outside a container they are the
 * host's), --cgroup DIR (read the cgroup files under DIR instead of /sys/fs/cgroup).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/ioctl.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAX_FRAME  (64u << 20) /* largest payload accepted from the host */
#define MAX_STDIN  (64u << 20) /* stop reading the host while this much stdin waits for the child */
#define OUT_CHUNK  65536       /* largest O/E payload */
#define TICK_US    5000        /* limit checks */
#define DRAIN_US   2000000     /* give up on a run's leftovers this long after its main child */
#define WIPE_DEPTH 64          /* reset moves deeper directories up instead of recursing */
#define IPC_SCAN   8192        /* ids tried where /proc/sysvipc is missing (gVisor) */

enum { F_WALL = 1, F_CPU = 2, F_STDOUT = 4, F_STDERR = 8, F_MEM = 16, F_OOM = 32 };

static const char *workdir = "/sandbox", *cg_root = "/sys/fs/cgroup";
static double cpu_quota; /* --cpus: the container's CPU quota, 0 if unknown (see proc_usage) */
static uid_t run_uid = 1000;
static gid_t run_gid = 1000;
static bool wipe_shared = true;
static mode_t workdir_mode = 0755; /* as found at start; reset restores it */
static bool use_fsuid;             /* setfsuid() works (gVisor lacks it) */
static int sigfd = -1;
static pid_t last_pgid;  /* process group of the latest run */
static bool no_children; /* the last reap() found no child at all */

/* ---- basics -------------------------------------------------------------------------------- */

__attribute__((format(printf, 1, 2))) static void diag(const char *fmt, ...) {
	char buf[1024] = "launcher: ";
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + 10, sizeof buf - 11, fmt, ap);
	va_end(ap);
	size_t n = strlen(buf);
	buf[n++] = '\n';
	ssize_t w = write(2, buf, n); /* one write per line; nothing to do if it fails */
	(void)w;
}

/* The one place that kills in bulk. From PID 1, kill(-1) reaches every other process of the
 * container's PID namespace and never the launcher. Anywhere else it would reach every process
 * the caller may signal on the host, so outside PID 1 (tests) only the latest run's process
 * group is killed; last_pgid > 1 also keeps kill(-1) and kill(0) out of that branch. */
static void kill_all(void) {
	if (getpid() == 1) kill(-1, SIGKILL);
	else if (last_pgid > 1) kill(-last_pgid, SIGKILL);
}

static _Noreturn void die(int code) {
	kill_all();
	exit(code);
}

/* A malformed frame: the stream cannot be trusted any more, the silo retires the container. */
#define proto_error(...) (diag("protocol error: " __VA_ARGS__), die(2))

static void *xmalloc(size_t n) {
	void *p = malloc(n ? n : 1);
	if (!p) diag("out of memory (%zu bytes)", n), die(1);
	return p;
}

static uint64_t now_us(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

static uint64_t tv_us(struct timeval t) { return (uint64_t)t.tv_sec * 1000000 + (uint64_t)t.tv_usec; }

static uint64_t self_cpu_us(void) {
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return tv_us(ru.ru_utime) + tv_us(ru.ru_stime);
}

static void sleep_tick(void) { nanosleep(&(struct timespec){0, TICK_US * 1000}, NULL); }

static void put32(uint8_t *p, uint32_t v) {
	for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}

static void put64(uint8_t *p, uint64_t v) { put32(p, (uint32_t)v), put32(p + 4, (uint32_t)(v >> 32)); }

static uint32_t le32(const uint8_t *p) {
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Appends "; "-separated text to a reply message. */
__attribute__((format(printf, 3, 4))) static void note(char *msg, size_t size, const char *fmt, ...) {
	size_t n = strlen(msg);
	if (n && n + 2 < size) strcpy(msg + n, "; "), n += 2;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg + n, size - n, fmt, ap);
	va_end(ap);
}

/* ---- frames -------------------------------------------------------------------------------- */

/* Blocking: a frame is written whole or the launcher exits (the host reads continuously, and a
 * half frame would desynchronise the stream for good). */
static void send_frame(char type, const void *a, size_t an, const void *b, size_t bn) {
	uint8_t h[5] = {(uint8_t)type};
	put32(h + 1, (uint32_t)(an + bn));
	struct iovec iov[3] = {{h, 5}, {(void *)a, an}, {(void *)b, bn}}, *v = iov;
	for (int n = 3; n > 0;) {
		ssize_t w = writev(1, v, n);
		if (w < 0 && errno == EAGAIN) poll(&(struct pollfd){1, POLLOUT, 0}, 1, -1);
		if (w < 0 && (errno == EINTR || errno == EAGAIN)) continue;
		if (w < 0) diag("write to host: %s", strerror(errno)), die(1);
		for (; n > 0 && (size_t)w >= v->iov_len; v++, n--) w -= (ssize_t)v->iov_len;
		if (n > 0) v->iov_base = (char *)v->iov_base + w, v->iov_len -= (size_t)w;
	}
}

struct frame { char type; uint32_t len; uint8_t *data; /* owned by whoever holds the frame */ };
static struct { uint8_t hdr[5]; size_t hdr_got, got; struct frame f; } in; /* the frame being read */
static struct frame held; /* an X, F or R that arrived during a run; handled after its D */

/* One read() from fd 0, called only when poll() reported it readable, so it never blocks.
 * Returns true when a whole frame has been moved to *out. */
static bool read_input(struct frame *out) {
	ssize_t n;
	if (in.hdr_got < 5) {
		n = read(0, in.hdr + in.hdr_got, 5 - in.hdr_got);
		if (n > 0 && (in.hdr_got += (size_t)n) == 5) {
			in.f.type = (char)in.hdr[0];
			in.f.len = le32(in.hdr + 1);
			if (!in.f.type || !memchr("PFXISRW", in.f.type, 7))
				proto_error("unknown frame type 0x%02x", in.hdr[0]);
			if (in.f.len > MAX_FRAME) proto_error("frame of %u bytes", in.f.len);
			in.f.data = xmalloc(in.f.len);
			in.got = 0;
		}
	} else if ((n = read(0, in.f.data + in.got, in.f.len - in.got)) > 0) {
		in.got += (size_t)n;
	}
	if (n == 0 && in.hdr_got) proto_error("end of input inside a frame");
	if (n == 0) diag("host closed the input; exiting"), die(0);
	if (n < 0 && errno != EINTR && errno != EAGAIN) diag("read from host: %s", strerror(errno)), die(1);
	if (n < 0 || in.hdr_got < 5 || in.got < in.f.len) return false;
	*out = in.f;
	in.hdr_got = 0;
	if ((out->type == 'P' || out->type == 'R') && out->len)
		proto_error("%c frame with a payload", out->type);
	if (out->type == 'S' && out->len != 4) proto_error("S frame of %u bytes", out->len);
	if (out->type == 'W' && out->len != 4) proto_error("W frame of %u bytes", out->len);
	return true;
}

/* Bounds-checked payload parsing: running past the payload is a protocol error. */
struct cur { const uint8_t *p; size_t left; char type; };

static const uint8_t *take(struct cur *c, size_t n) {
	if (n > c->left) proto_error("%c frame: field runs past the payload", c->type);
	c->p += n, c->left -= n;
	return c->p - n;
}

static uint32_t get32(struct cur *c) { return le32(take(c, 4)); }
static uint64_t get64(struct cur *c) { uint64_t lo = get32(c); return lo | (uint64_t)get32(c) << 32; }
static const uint8_t *get_str(struct cur *c, uint32_t *len) { return take(c, *len = get32(c)); }

/* ---- cgroup files (best effort) ------------------------------------------------------------ */

enum { CG_MEM, CG_CPU, CG_OOM };
static const struct {
	int metric;
	const char *file, *key; /* key: the "key N" line, or NULL for a file holding one number */
	bool ns;                /* value in ns, kept in us */
} cg_files[] = {
	{CG_MEM, "memory.current", NULL, false},       /* v2 */
	{CG_MEM, "memory/memory.usage_in_bytes", NULL, false},
	{CG_CPU, "cpu.stat", "usage_usec", false},     /* v2 */
	{CG_CPU, "cpuacct/cpuacct.usage", NULL, true},
	{CG_CPU, "cpu,cpuacct/cpuacct.usage", NULL, true},
	{CG_OOM, "memory.events", "oom_kill", false},  /* v2 */
	{CG_OOM, "memory/memory.oom_control", "oom_kill", false},
};
static struct { char path[256]; const char *key; bool ns; } cg[3]; /* what cg_probe() found */

static bool cg_get(int m, uint64_t *v) {
	char buf[4096], *end;
	int fd = cg[m].path[0] ? open(cg[m].path, O_RDONLY | O_CLOEXEC) : -1;
	if (fd < 0) return false;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0) return false;
	buf[n] = 0;
	const char *s = buf;
	size_t kl = cg[m].key ? strlen(cg[m].key) : 0;
	while (kl && (strncmp(s, cg[m].key, kl) || s[kl] != ' '))
		if (!(s = strchr(s, '\n'))) return false;
		else s++;
	s += kl;
	errno = 0;
	unsigned long long x = strtoull(s, &end, 10);
	if (end == s || errno) return false;
	*v = cg[m].ns ? x / 1000 : x;
	return true;
}

static void cg_probe(void) {
	for (size_t i = 0; i < sizeof cg_files / sizeof *cg_files; i++) {
		int m = cg_files[i].metric;
		uint64_t v;
		if (cg[m].path[0]) continue;
		snprintf(cg[m].path, sizeof cg[m].path, "%s/%s", cg_root, cg_files[i].file);
		cg[m].key = cg_files[i].key, cg[m].ns = cg_files[i].ns;
		if (!cg_get(m, &v)) cg[m].path[0] = 0;
	}
	diag("cgroup files: memory=%s cpu=%s oom=%s", cg[CG_MEM].path[0] ? cg[CG_MEM].path : "none",
	     cg[CG_CPU].path[0] ? cg[CG_CPU].path : "none", cg[CG_OOM].path[0] ? cg[CG_OOM].path : "none");
}

/* ---- credentials for file and IPC work ----------------------------------------------------- */

/* F and R act as the runner, so they touch only what the run itself could, and what they
 * create is the runner's. setfsuid() leaves the effective ids alone; where it is missing
 * (gVisor), and for SysV IPC (whose checks use the effective uid), the effective ids switch
 * instead. That is safe: no run process exists during F and R, and the real and saved ids stay
 * 0, so the runner cannot signal the launcher and the way back stays open. */
static bool become_runner(bool fs_only) {
	if (fs_only && use_fsuid) {
		setfsgid(run_gid), setfsuid(run_uid);
		return (uid_t)setfsuid((uid_t)-1) == run_uid && (gid_t)setfsgid((gid_t)-1) == run_gid;
	}
	return !setresgid((gid_t)-1, run_gid, (gid_t)-1) && !setresuid((uid_t)-1, run_uid, (uid_t)-1);
}

static void become_root(void) {
	if (use_fsuid) setfsuid(0), setfsgid(0);
	if (setresuid((uid_t)-1, 0, (uid_t)-1) || setresgid((gid_t)-1, 0, (gid_t)-1))
		diag("cannot restore root credentials: %s", strerror(errno)), die(1);
}

/* openat() of a directory that never follows a symlink. O_NOFOLLOW alone is not trusted: gVisor
 * (2022-12) follows a symlink when O_DIRECTORY is also given, so the opened directory must also
 * be the very entry that dfd holds under that name. */
static int open_dir_at(int dfd, const char *name) {
	struct stat a, b;
	int fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0 && (fstat(fd, &a) || fstatat(dfd, name, &b, AT_SYMLINK_NOFOLLOW) || !S_ISDIR(b.st_mode) ||
			a.st_dev != b.st_dev || a.st_ino != b.st_ino))
		close(fd), fd = -1, errno = ELOOP;
	return fd;
}

/* ---- F: place a file ----------------------------------------------------------------------- */

static void create_file(char *path, mode_t mode, const uint8_t *data, size_t len, char *err, size_t es) {
	int dfd = open(workdir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC), fd, e;
	char *s = path, *slash;
	if (dfd < 0) {
		snprintf(err, es, "%s: %s", workdir, strerror(errno));
		return;
	}
	for (; (slash = strchr(s, '/')); s = slash + 1) {
		*slash = 0; /* path now names the directory being entered */
		if (mkdirat(dfd, s, 0755) < 0 && errno != EEXIST) {
			snprintf(err, es, "mkdir %.300s: %s", path, strerror(errno));
			close(dfd);
			return;
		}
		fd = open_dir_at(dfd, s), e = errno; /* a symlink planted by a run is refused */
		close(dfd);
		if ((dfd = fd) < 0) {
			snprintf(err, es, "%.300s: %s", path,
				 e == ENOTDIR || e == ELOOP ? "exists and is not a directory" : strerror(e));
			return;
		}
		*slash = '/';
	}
	if ((fd = openat(dfd, s, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)) < 0) {
		snprintf(err, es, "%.300s: %s", path, errno == EEXIST ? "already exists" : strerror(errno));
		close(dfd);
		return;
	}
	bool ok = fchmod(fd, mode) == 0; /* the umask must not change the requested mode */
	for (ssize_t w; ok && len; data += w, len -= (size_t)w)
		if ((w = write(fd, data, len)) < 0 && errno == EINTR) w = 0;
		else if (w <= 0) ok = false, w = 0;
	if (!ok) snprintf(err, es, "%.300s: %s", path, strerror(errno)), unlinkat(dfd, s, 0);
	close(fd);
	close(dfd);
}

static void do_file(const struct frame *f) {
	struct cur c = {f->data, f->len, 'F'};
	uint32_t mode = get32(&c), nl;
	const uint8_t *name = get_str(&c, &nl);
	char err[512] = "", path[4097];
	mode = mode ? mode & 0777 : 0644;
	if (nl == 0) snprintf(err, sizeof err, "empty name");
	else if (nl > 4096) snprintf(err, sizeof err, "name longer than 4096 bytes");
	else if (name[0] == '/') snprintf(err, sizeof err, "absolute name");
	else if (memchr(name, 0, nl)) snprintf(err, sizeof err, "name contains a NUL byte");
	else memcpy(path, name, nl), path[nl] = 0;
	for (char *s = path, *e; !err[0]; s = e + 1) {
		size_t l = (size_t)((e = strchrnul(s, '/')) - s);
		if (l == 0 || (l == 1 && s[0] == '.') || (l == 2 && s[0] == '.' && s[1] == '.'))
			snprintf(err, sizeof err, "name has an empty, '.' or '..' component");
		else if (l > 255) snprintf(err, sizeof err, "name has a component longer than 255 bytes");
		if (!*e) break;
	}
	if (!err[0]) {
		if (become_runner(true)) create_file(path, mode, c.p, c.left, err, sizeof err);
		else snprintf(err, sizeof err, "cannot take the runner's file credentials");
		become_root();
	}
	uint8_t ok = !err[0];
	send_frame('f', &ok, 1, err, strlen(err));
}

/* ---- X: run a program ---------------------------------------------------------------------- */

struct chunk { struct chunk *next; uint8_t *data; size_t len, off; }; /* queued stdin */
struct stream {
	int fd;
	char type; /* 'O' or 'E' */
	uint32_t flag, cap;
	uint64_t sent;
	bool over; /* past the cap: read and discard until EOF */
};

static struct { /* the current run */
	pid_t pid;   /* main child */
	bool reaped; /* status and wall_us are valid */
	int status;
	uint64_t t0, wall_us;
	uint32_t cpu_ms, wall_ms, flags;
	uint64_t mem_limit;
	int in_fd; /* our end of the child's stdin, -1 once closed */
	int pty;   /* tty mode: the pseudo-terminal's master (also in_fd and out[0].fd), else -1 */
	struct chunk *q_head, *q_tail;
	size_t q_bytes;
	bool q_eof;
	struct stream out[2];
	uint64_t ru_cpu_us, ru_peak; /* wait4() of every reaped process */
	bool cg_cpu_ok, cg_mem_ok, cg_oom_ok;
	uint64_t cg_cpu0, self_cpu0, mem0, oom0, peak; /* cgroup values at the start, polled peak */
} R;

/* Reaps every exited child: the main one, and anything reparented to PID 1 (or to us as the
 * subreaper). wait4() of a process already includes its reaped descendants, so summing over all
 * we reap counts every process once. */
static void reap(void) {
	for (;;) {
		int st;
		struct rusage ru;
		pid_t p = wait4(-1, &st, WNOHANG, &ru);
		if (p < 0 && errno == EINTR) continue;
		if ((no_children = p < 0 && errno == ECHILD) || p <= 0) return;
		R.ru_cpu_us += tv_us(ru.ru_utime) + tv_us(ru.ru_stime);
		if ((uint64_t)ru.ru_maxrss * 1024 > R.ru_peak) R.ru_peak = (uint64_t)ru.ru_maxrss * 1024;
		if (p == R.pid && !R.reaped) R.reaped = true, R.status = st, R.wall_us = now_us() - R.t0;
	}
}

static void drain_sigfd(void) {
	struct signalfd_siginfo si;
	while (read(sigfd, &si, sizeof si) == sizeof si) {}
	reap();
}

static void kill_and_reap(void) {
	for (int i = 0; i < DRAIN_US / TICK_US && (kill_all(), reap(), !no_children); i++) sleep_tick();
}

static void close_stdin(void) {
	if (R.in_fd >= 0) close(R.in_fd);
	R.in_fd = -1;
	for (struct chunk *c; (c = R.q_head); free(c)) R.q_head = c->next, free(c->data);
	R.q_tail = NULL, R.q_bytes = 0;
}

/* Non-blocking: a program that never reads its stdin only leaves the queue full. */
static void feed_stdin(void) {
	while (R.in_fd >= 0 && R.q_head) {
		struct chunk *c = R.q_head;
		ssize_t w = write(R.in_fd, c->data + c->off, c->len - c->off);
		if (w < 0 && errno == EINTR) continue;
		if (w < 0 && errno != EAGAIN) close_stdin(); /* EPIPE: the program closed it; drop the rest */
		if (w < 0) return;
		c->off += (size_t)w, R.q_bytes -= (size_t)w;
		if (c->off < c->len) continue;
		if (!(R.q_head = c->next)) R.q_tail = NULL;
		free(c->data), free(c);
	}
	if (R.q_eof && !R.q_head) close_stdin();
}

static void stdin_frame(struct frame *f) {
	if (R.pty >= 0 && !f->len && R.in_fd >= 0) {
		/* A terminal has no end of input: EOF is the VEOF character (^D), which the line
		 * discipline turns into a read() of 0 for the program. The terminal stays usable. */
		free(f->data);
		f->data = xmalloc(1), f->data[0] = 4, f->len = 1;
	}
	if (R.in_fd < 0 || R.q_eof || !f->len) {
		R.q_eof |= R.in_fd >= 0; /* an empty I is the EOF */
		free(f->data);
	} else {
		struct chunk *c = xmalloc(sizeof *c);
		*c = (struct chunk){NULL, f->data, f->len, 0}; /* takes the frame's buffer, no copy */
		*(R.q_tail ? &R.q_tail->next : &R.q_head) = c;
		R.q_tail = c, R.q_bytes += f->len;
	}
	feed_stdin();
}

static void kill_run(uint32_t flag) { R.flags |= flag, kill_all(); }

static void pump(struct stream *s) {
	static uint8_t buf[OUT_CHUNK];
	ssize_t n = read(s->fd, buf, sizeof buf);
	if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
	if (n <= 0) close(s->fd), s->fd = -1;
	if (n <= 0 || s->over) return;
	uint64_t room = s->cap - s->sent;
	size_t fwd = (uint64_t)n < room ? (size_t)n : (size_t)room;
	if (fwd) send_frame(s->type, buf, fwd, NULL, 0);
	s->sent += fwd;
	if ((uint64_t)n > room) s->over = true, kill_run(s->flag);
}

/* CPU of the run so far: the container's cgroup since the start, less the launcher's own CPU
 * (forwarding a flood of output must not count against the program). */
static bool run_cpu(uint64_t *us) {
	uint64_t now;
	if (!R.cg_cpu_ok || !cg_get(CG_CPU, &now)) return false;
	uint64_t total = now > R.cg_cpu0 ? now - R.cg_cpu0 : 0, self = self_cpu_us() - R.self_cpu0;
	*us = total > self ? total - self : 0;
	return true;
}

/* gVisor charges a task for the time it waits to run when more tasks are runnable than CPUs (a
 * fork bomb's 64 tasks "used" 15 s of CPU in 0.6 s). With a CPU quota, a run cannot really use
 * more than wall time times the quota, so that bounds what /proc and rusage say there. */
static uint64_t cpu_clamp(uint64_t cpu_us, uint64_t wall_us) {
	uint64_t most = (uint64_t)((double)wall_us * cpu_quota);
	return cpu_quota > 0 && cpu_us > most ? most : cpu_us;
}

/* Where no cgroup file is readable (gVisor exposes none), the run's CPU and memory come from
 * /proc: CPU of every live process (with what it reaped itself) plus what the launcher reaped;
 * memory as the sum of resident sets (shared pages count more than once: errs on the safe side). */
static void proc_usage(uint64_t *cpu_us, uint64_t *rss) {
	static long tick, page;
	if (!tick) tick = sysconf(_SC_CLK_TCK), page = sysconf(_SC_PAGESIZE);
	uint64_t ticks = 0, pages = 0;
	DIR *d = opendir("/proc");
	struct dirent *e;
	while (d && (e = readdir(d))) {
		char path[300], buf[1024];
		if (e->d_name[0] < '1' || e->d_name[0] > '9' || atoi(e->d_name) == getpid()) continue;
		snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) continue;
		ssize_t n = read(fd, buf, sizeof buf - 1);
		close(fd);
		char *at = n > 0 ? (buf[n] = 0, strrchr(buf, ')')) : NULL;
		unsigned long long f[22] = {0}; /* fields 3.. of proc(5), after the command name */
		for (int i = 0; at && i < 22; i++) {
			while (*++at == ' ') {}
			f[i] = strtoull(at, &at, 10);
			if (i == 0) at++; /* field 3 is the state letter */
		}
		if (!at) continue;
		ticks += f[11] + f[12] + f[13] + f[14]; /* utime stime cutime cstime */
		pages += f[21];                         /* rss */
	}
	if (d) closedir(d);
	*cpu_us = cpu_clamp(R.ru_cpu_us + ticks * 1000000 / (uint64_t)tick, now_us() - R.t0);
	*rss = pages * (uint64_t)page;
}

static void check_limits(void) {
	uint64_t v;
	if (!R.cg_cpu_ok || !R.cg_mem_ok) {
		uint64_t cpu, rss;
		proc_usage(&cpu, &rss);
		if (!R.cg_cpu_ok && cpu > (uint64_t)R.cpu_ms * 1000) kill_run(F_CPU);
		if (!R.cg_mem_ok && rss > R.peak) R.peak = rss;
		if (!R.cg_mem_ok && rss > R.mem_limit) kill_run(F_MEM);
	}
	if (now_us() - R.t0 > (uint64_t)R.wall_ms * 1000) kill_run(F_WALL);
	if (run_cpu(&v) && v > (uint64_t)R.cpu_ms * 1000) kill_run(F_CPU);
	/* From the level at the start of the run: page cache the container accumulated earlier
	 * (libraries, compilers) is not the run's memory. */
	if (R.cg_mem_ok && cg_get(CG_MEM, &v)) {
		v = v > R.mem0 ? v - R.mem0 : 0;
		if (v > R.peak) R.peak = v;
		if (v > R.mem_limit) kill_run(F_MEM);
	}
}

/* W: u16 cols, u16 rows. The kernel sends SIGWINCH to the terminal's foreground process group. */
static void set_winsize(const uint8_t *p) {
	struct winsize ws = {.ws_col = (unsigned short)(p[0] | p[1] << 8), .ws_row = (unsigned short)(p[2] | p[3] << 8)};
	if (R.pty >= 0 && ioctl(R.pty, TIOCSWINSZ, &ws) < 0) diag("TIOCSWINSZ: %s", strerror(errno));
}

static void run_frame(struct frame *f) {
	switch (f->type) {
	case 'I': stdin_frame(f); return;
	case 'P': send_frame('p', NULL, 0, NULL, 0); break;
	case 'S':
		if (!R.reaped && R.pid > 1) {
			/* In tty mode the program may have moved a job to the foreground (a shell): signals
			 * go where a terminal's ^C would, the foreground process group. */
			pid_t fg = R.pty >= 0 ? tcgetpgrp(R.pty) : -1;
			kill(fg > 1 ? -fg : -R.pid, (int)le32(f->data));
		}
		break;
	case 'W': set_winsize(f->data); break;
	default: held = *f; return; /* X, F, R: frames are handled in order, so they wait for the D */
	}
	free(f->data);
}

static int add_poll(struct pollfd *pf, int *n, int fd, short events) {
	pf[*n] = (struct pollfd){.fd = fd, .events = events};
	return (*n)++;
}

static void run_loop(void) {
	uint64_t next_tick = now_us() + TICK_US, drain_end = 0, now;
	for (;;) {
		if (R.reaped && !drain_end) {
			/* The main child is gone: whatever it left behind dies now, which also closes every
			 * copy of the pipes' write ends, so draining them ends. */
			kill_all();
			close_stdin();
			drain_end = now_us() + DRAIN_US;
		}
		if (drain_end && R.out[0].fd < 0 && R.out[1].fd < 0 && no_children) return;
		if (drain_end && now_us() > drain_end) {
			diag("leftovers of the run survived %d ms after its end", DRAIN_US / 1000);
			return;
		}
		struct pollfd pf[5] = {{sigfd, POLLIN, 0}};
		int n = 1, ix_host = -1, ix_stdin = -1, ix_out[2] = {-1, -1};
		/* Not reading the host while a frame is held or stdin is full is the backpressure. */
		if (!drain_end && !held.type && R.q_bytes < MAX_STDIN) ix_host = add_poll(pf, &n, 0, POLLIN);
		if (R.in_fd >= 0 && R.q_head) ix_stdin = add_poll(pf, &n, R.in_fd, POLLOUT);
		for (int i = 0; i < 2; i++)
			if (R.out[i].fd >= 0) ix_out[i] = add_poll(pf, &n, R.out[i].fd, POLLIN);
		int timeout = (now = now_us()) >= next_tick ? 0 : (int)((next_tick - now + 999) / 1000);
		if (poll(pf, (nfds_t)n, timeout) < 0 && errno != EINTR)
			diag("poll: %s", strerror(errno)), die(1);
		struct frame f;
		if (pf[0].revents) drain_sigfd();
		if (ix_host >= 0 && pf[ix_host].revents && read_input(&f)) run_frame(&f);
		if (ix_stdin >= 0 && pf[ix_stdin].revents) feed_stdin();
		for (int i = 0; i < 2; i++)
			if (ix_out[i] >= 0 && pf[ix_out[i]].revents) pump(&R.out[i]);
		/* By the clock, not on poll timeouts: a flood of output never lets poll time out. */
		if ((now = now_us()) >= next_tick) {
			next_tick = now + TICK_US;
			if (!R.reaped) check_limits();
			else kill_all();
			reap();
		}
	}
}

struct spawn {
	char **argv, **envp, **paths; /* paths: where to look for argv[0], NULL-terminated */
	int fd[3];                    /* the child's stdin, stdout, stderr (all the pty's slave in tty mode) */
	bool tty;                     /* make fd[0] the controlling terminal */
	int ep;                       /* error pipe, write end, CLOEXEC: EOF at a successful execve */
	uint32_t cpu_ms, nofile, nproc; /* nproc 0: no RLIMIT_NPROC */
	uint64_t fsize;
};

static _Noreturn void child_fail(int ep, const char *what, const char *arg, int err) {
	char msg[600];
	int n = snprintf(msg, sizeof msg, "%s%s%s: %s", what, arg ? " " : "", arg ? arg : "", strerror(err));
	ssize_t w = write(ep, msg, n < (int)sizeof msg ? (size_t)n : sizeof msg - 1);
	(void)w;
	_exit(127);
}

/* Lowers a limit; the hard limit cannot be raised without CAP_SYS_RESOURCE, so it caps. */
static int set_limit(int res, rlim_t v) {
	struct rlimit rl;
	if (getrlimit(res, &rl) == 0 && v > rl.rlim_max) v = rl.rlim_max;
	rl.rlim_cur = rl.rlim_max = v;
	return setrlimit(res, &rl);
}

static _Noreturn void child_main(const struct spawn *s) {
	int ep = s->ep, err = ENOENT;
	struct sigaction dfl = {.sa_handler = SIG_DFL};
	sigset_t none;
	if (setsid() < 0) child_fail(ep, "setsid", NULL, errno);
	for (int sig = 1; sig < NSIG; sig++) sigaction(sig, &dfl, NULL); /* SIGKILL etc. fail: harmless */
	sigemptyset(&none);
	if (sigprocmask(SIG_SETMASK, &none, NULL) < 0) child_fail(ep, "sigprocmask", NULL, errno);
	/* Descriptors before the limits: with a tiny RLIMIT_NOFILE, dup2() onto 0..2 would fail. The
	 * pipes are >= 3 because the launcher keeps 0..2 open. */
	for (int i = 0; i < 3; i++)
		if (dup2(s->fd[i], i) < 0) child_fail(ep, "dup2", NULL, errno);
	/* After setsid() the child leads a session without a terminal: the slave becomes its
	 * controlling terminal and the child's group the foreground one (^C, SIGWINCH reach it). */
	if (s->tty && ioctl(0, TIOCSCTTY, 0) < 0) child_fail(ep, "ioctl", "TIOCSCTTY", errno);
	/* INT_MAX, not ~0U: gVisor refuses a larger bound. */
	if ((ep > 3 && close_range(3, (unsigned)ep - 1, 0)) || close_range((unsigned)ep + 1, INT_MAX, 0))
		for (int fd = 3; fd < 65536; fd++)
			if (fd != ep) close(fd);
	/* When the container's memory limit is hit, the OOM killer must pick the run, not PID 1 (whose
	 * death ends the container): the run and its descendants are preferred victims. Best effort. */
	int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
	if (fd >= 0 && write(fd, "1000", 4) < 4) {}
	if (fd >= 0) close(fd);
	if (set_limit(RLIMIT_CPU, (s->cpu_ms + 999ULL) / 1000 + 1)) child_fail(ep, "setrlimit", "CPU", errno);
	if (set_limit(RLIMIT_FSIZE, s->fsize)) child_fail(ep, "setrlimit", "FSIZE", errno);
	if (set_limit(RLIMIT_NOFILE, s->nofile)) child_fail(ep, "setrlimit", "NOFILE", errno);
	if (set_limit(RLIMIT_CORE, 0)) child_fail(ep, "setrlimit", "CORE", errno);
	/* Under gVisor, RLIMIT_NPROC counts the runner's tasks in this sandbox's own kernel: the
	 * process limit there (a pids cgroup would also count gVisor's host threads and kill it).
	 * Under runc the host would count every container's uid 1000 together, so the silo sends 0. */
	if (s->nproc && set_limit(RLIMIT_NPROC, s->nproc)) child_fail(ep, "setrlimit", "NPROC", errno);
	if (setgroups(0, NULL) < 0) child_fail(ep, "setgroups", NULL, errno);
	if (setgid(run_gid) < 0) child_fail(ep, "setgid", NULL, errno);
	if (setuid(run_uid) < 0) child_fail(ep, "setuid", NULL, errno);
	if (chdir(workdir) < 0) child_fail(ep, "chdir", workdir, errno);
	/* Like execvpe(): a missing file tries the next PATH entry, EACCES is remembered, any other
	 * error is the answer. */
	for (char **p = s->paths; *p; p++) {
		execve(*p, s->argv, s->envp);
		if (errno == EACCES) err = EACCES;
		else if (errno != ENOENT && errno != ENOTDIR && errno != ESTALE && errno != ENODEV) {
			err = errno;
			break;
		}
	}
	child_fail(ep, "execve", s->argv[0], err);
}

/* The candidates for argv[0], built before fork() so that the child only calls execve(). */
static char **exec_paths(const char *prog, char **envp) {
	const char *path = strchr(prog, '/') ? NULL : "/usr/local/bin:/usr/bin:/bin";
	for (char **e = envp; path && *e; e++)
		if (!strncmp(*e, "PATH=", 5)) {
			path = *e + 5;
			break;
		}
	size_t n = 2, i = 0;
	for (const char *s = path ? path : ""; *s; s++) n += *s == ':';
	char **v = xmalloc(n * sizeof *v);
	if (!path) v[i++] = strdup(prog);
	for (const char *s = path, *e; s; s = *e ? e + 1 : NULL) {
		int dl = (int)((e = strchrnul(s, ':')) - s); /* an empty entry is the working directory */
		if (asprintf(&v[i++], "%.*s%s%s", dl, s, dl ? "/" : "", prog) < 0) v[i - 1] = NULL;
	}
	v[i] = NULL;
	for (size_t j = 0; j < i; j++)
		if (!v[j]) diag("out of memory"), die(1);
	return v;
}

static void send_done(const char *msg) {
	uint32_t outcome = 2;
	int32_t code = -1, sig = 0;
	uint64_t cpu = 0, oom;
	uint8_t d[40];
	if (!msg[0] && WIFEXITED(R.status)) outcome = 0, code = WEXITSTATUS(R.status);
	else if (!msg[0] && WIFSIGNALED(R.status)) outcome = 1, sig = WTERMSIG(R.status);
	if (R.pid && !run_cpu(&cpu)) cpu = cpu_clamp(R.ru_cpu_us, R.wall_us);
	if (R.pid && cpu > (uint64_t)R.cpu_ms * 1000) R.flags |= F_CPU; /* also the RLIMIT_CPU backstop */
	if (R.cg_oom_ok && cg_get(CG_OOM, &oom) && oom > R.oom0) R.flags |= F_OOM;
	put32(d, outcome), put32(d + 4, (uint32_t)code), put32(d + 8, (uint32_t)sig), put32(d + 12, R.flags);
	put64(d + 16, R.wall_us), put64(d + 24, cpu), put64(d + 32, R.peak > R.ru_peak ? R.peak : R.ru_peak);
	send_frame('D', d, sizeof d, msg, strlen(msg));
}

/* tty mode: a new pseudo-terminal from the container's own devpts instance. The master stays with
 * the launcher (non-blocking); the slave goes to the child as stdin, stdout and stderr and is
 * closed here after the fork, so that reading the master ends (EIO) once the run's last process
 * holding the slave is gone. */
static int open_pty(int *slave, const uint8_t winsize[4], char *msg, size_t ms) {
	char name[64];
	int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	*slave = -1;
	if (m < 0 || grantpt(m) || unlockpt(m) || ptsname_r(m, name, sizeof name) ||
	    (*slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0) {
		snprintf(msg, ms, "pseudo-terminal: %s", strerror(errno));
		if (m >= 0) close(m);
		return -1;
	}
	fcntl(m, F_SETFL, O_NONBLOCK);
	R.pty = m;
	set_winsize(winsize);
	return m;
}

static void start_run(struct spawn *s, const uint8_t *winsize, char *msg, size_t ms) {
	int p[4][2], i, n = 0, master = -1, slave = -1;
	pid_t pid;
	for (; n < 4; n++)
		if (pipe2(p[n], O_CLOEXEC) < 0) {
			snprintf(msg, ms, "pipe: %s", strerror(errno));
			goto fail;
		}
	/* Only our ends are non-blocking: O_NONBLOCK belongs to each end's own open file. */
	for (i = 0; i < 3; i++) fcntl(p[i][i ? 0 : 1], F_SETFL, O_NONBLOCK);
	s->fd[0] = p[0][0], s->fd[1] = p[1][1], s->fd[2] = p[2][1], s->ep = p[3][1];
	if (s->tty && (master = open_pty(&slave, winsize, msg, ms)) < 0) goto fail;
	if (s->tty) s->fd[0] = s->fd[1] = s->fd[2] = slave;
	R.cg_cpu_ok = cg_get(CG_CPU, &R.cg_cpu0);
	R.cg_mem_ok = cg_get(CG_MEM, &R.mem0);
	R.cg_oom_ok = cg_get(CG_OOM, &R.oom0);
	R.self_cpu0 = self_cpu_us();
	/* A fork bomb of the previous run may still be charged to the pids cgroup for a moment after
	 * it was reaped: retry briefly. */
	for (i = 0; (pid = fork()) < 0 && errno == EAGAIN && i < 200; i++) kill_all(), reap(), sleep_tick();
	R.t0 = now_us();
	if (i) diag("fork: EAGAIN, retried %d times", i);
	if (pid < 0) {
		snprintf(msg, ms, "fork: %s", strerror(errno));
		goto fail;
	}
	if (pid == 0) child_main(s);
	R.pid = last_pgid = pid;
	close(p[0][0]), close(p[1][1]), close(p[2][1]), close(p[3][1]);
	if (slave >= 0) close(slave);
	/* Blocks only until the child's execve() (EOF, CLOEXEC) or its failure message; it also
	 * means the child's setsid() is done before anything may signal its process group. */
	size_t got = 0;
	for (ssize_t r; got < ms - 1; got += (size_t)r)
		if ((r = read(p[3][0], msg + got, ms - 1 - got)) < 0 && errno == EINTR) r = 0;
		else if (r <= 0) break;
	msg[got] = 0;
	close(p[3][0]);
	R.in_fd = p[0][1], R.out[0].fd = p[1][0], R.out[1].fd = p[2][0];
	if (master >= 0) {
		/* One stream: the terminal merges stdout and stderr, and its output is sent as O. The
		 * master is used three ways (output, input, ioctls), each through its own descriptor,
		 * because each is closed at a different time. */
		close(p[0][1]), close(p[1][0]), close(p[2][0]);
		R.out[0].fd = master, R.out[1].fd = -1;
		R.in_fd = fcntl(master, F_DUPFD_CLOEXEC, 3);
		R.pty = fcntl(master, F_DUPFD_CLOEXEC, 3);
	}
	run_loop();
	for (i = 0; i < 2; i++)
		if (R.out[i].fd >= 0) close(R.out[i].fd);
	close_stdin();
	if (R.pty >= 0) close(R.pty);
	R.pty = -1;
	return;
fail:
	for (i = 0; i < n; i++) close(p[i][0]), close(p[i][1]);
	if (master >= 0) close(master), R.pty = -1;
	if (slave >= 0) close(slave);
}

static void do_exec(const struct frame *f) {
	struct cur c = {f->data, f->len, 'X'};
	struct spawn s = {0};
	char msg[600] = "";
	memset(&R, 0, sizeof R);
	R.in_fd = R.pty = -1;
	s.cpu_ms = R.cpu_ms = get32(&c);
	R.wall_ms = get32(&c);
	R.mem_limit = get64(&c);
	s.fsize = get64(&c);
	R.out[0] = (struct stream){-1, 'O', F_STDOUT, get32(&c), 0, false};
	R.out[1] = (struct stream){-1, 'E', F_STDERR, get32(&c), 0, false};
	s.nofile = get32(&c);
	s.nproc = get32(&c);
	uint32_t argc = get32(&c), envc = get32(&c);
	if (argc > c.left / 4 || envc > c.left / 4) proto_error("X frame: %u+%u strings", argc, envc);
	/* argv, NULL, envp, NULL in one array */
	char **strs = xmalloc(((size_t)argc + envc + 2) * sizeof *strs);
	s.argv = strs, s.envp = strs + argc + 1;
	strs[argc] = strs[argc + envc + 1] = NULL;
	for (uint32_t i = 0, l; i < argc + envc; i++) {
		const uint8_t *p = get_str(&c, &l);
		char *z = strs[i < argc ? i : i + 1] = xmalloc((size_t)l + 1);
		if (memchr(p, 0, l)) snprintf(msg, sizeof msg, "an argument or variable contains a NUL byte");
		memcpy(z, p, l), z[l] = 0;
	}
	/* Optional: u32 mode flags (1 = tty), u16 cols, u16 rows. Absent means a batch run. */
	uint8_t winsize[4] = {80, 0, 24, 0};
	if (c.left) {
		uint32_t mode = get32(&c);
		memcpy(winsize, take(&c, 4), 4);
		if (mode & ~1u) proto_error("X frame: unknown mode flags 0x%x", mode);
		s.tty = mode & 1;
	}
	if (c.left) proto_error("X frame: %zu bytes after the mode", c.left);
	if (!argc || !strs[0][0]) snprintf(msg, sizeof msg, "empty argv");
	if (!msg[0]) {
		s.paths = exec_paths(s.argv[0], s.envp);
		start_run(&s, winsize, msg, sizeof msg);
		for (char **p = s.paths; *p; p++) free(*p);
		free(s.paths);
	}
	send_done(msg);
	for (uint32_t i = 0; i < argc + envc + 2; i++) free(strs[i]);
	free(strs);
}

/* ---- R: reset ------------------------------------------------------------------------------ */

static bool wipe_moved;
/* A wipe that takes longer than this stops, the reset reports what is left, and the silo retires
 * the sandbox: removing a container is cheaper than unlinking a run's million files (gVisor's
 * tmpfs does not enforce nr_inodes, so a run can make that many before its CPU limit). */
#define WIPE_BUDGET_US 3000000
static uint64_t wipe_deadline;

/* Empties the directory open as dfd (and closes it). Runs as the runner after every process was
 * killed and reaped, so nothing can swap an entry between the type check and the calls that act
 * on it; symlinks are removed, never followed. Past WIPE_DEPTH, directories move up to top for
 * the next pass: stack and open directories stay bounded however deep the run nested them. */
static void wipe_dir(int dfd, int top, int depth) {
	static unsigned seq;
	struct dirent *e;
	struct stat st;
	char to[32];
	DIR *d = fdopendir(dfd);
	if (!d) close(dfd);
	while (d && now_us() < wipe_deadline && (e = readdir(d))) {
		const char *name = e->d_name;
		if (!strcmp(name, ".") || !strcmp(name, "..")) continue;
		bool dir = e->d_type == DT_DIR;
		if (e->d_type == DT_UNKNOWN && !fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW))
			dir = S_ISDIR(st.st_mode);
		if (!dir) {
			unlinkat(dfd, name, 0);
			continue;
		}
		if (depth >= WIPE_DEPTH) {
			bool moved = false;
			fchmodat(dfd, name, 0700, 0); /* moving a directory writes its ".." */
			for (int i = 0; i < 8 && !moved; i++)
				snprintf(to, sizeof to, ".w%u", seq++), moved = !renameat(dfd, name, top, to);
			wipe_moved |= moved;
			continue;
		}
		/* The run may have taken permissions away from its own directories: give them back. */
		int sub = open_dir_at(dfd, name);
		if (sub < 0 && errno == EACCES && !fchmodat(dfd, name, 0700, 0)) sub = open_dir_at(dfd, name);
		if (sub < 0) continue;
		if (!fstat(sub, &st) && (st.st_mode & 0700) != 0700) fchmod(sub, 0700);
		wipe_dir(sub, top, depth + 1);
		unlinkat(dfd, name, AT_REMOVEDIR);
	}
	if (d) closedir(d);
}

static void wipe(const char *path) {
	int top = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC), pass = 0;
	for (wipe_moved = top >= 0; wipe_moved && pass < 100000 && now_us() < wipe_deadline; pass++) {
		int fd = openat(top, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC); /* a fresh offset each pass */
		wipe_moved = false;
		if (fd >= 0) wipe_dir(fd, top, 0);
	}
	if (top >= 0) close(top);
}

static void check_empty(const char *path, char *msg, size_t ms) {
	DIR *d = opendir(path);
	struct dirent *e;
	if (!d) note(msg, ms, "%s: %s", path, strerror(errno));
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			note(msg, ms, "%s not empty (%.40s)", path, e->d_name);
			break;
		}
	if (d) closedir(d);
}

static const char *const ipc_kind[3] = {"shm", "msg", "sem"};

static int ipc_count(int k) {
	struct shm_info si = {0};
	struct msginfo mi = {0};
	struct seminfo smi = {0};
	if (k == 0) return shmctl(0, SHM_INFO, (struct shmid_ds *)&si) < 0 ? -1 : si.used_ids;
	if (k == 1) return msgctl(0, MSG_INFO, (struct msqid_ds *)&mi) < 0 ? -1 : mi.msgpool;
	return semctl(0, 0, SEM_INFO, &smi) < 0 ? -1 : smi.semusz;
}

static void ipc_rm(int k, int id) {
	if (k == 0) shmctl(id, IPC_RMID, NULL);
	else if (k == 1) msgctl(id, IPC_RMID, NULL);
	else semctl(id, 0, IPC_RMID);
}

/* IPC_RMID is allowed to the object's owner or creator by *effective* uid (the launcher has no
 * CAP_SYS_ADMIN), hence the runner's effective ids here. */
static void remove_ipc(void) {
	if (!become_runner(false)) diag("cannot take the runner's ids to remove IPC objects");
	for (int k = 0; k < 3 && geteuid() == run_uid; k++) {
		char path[32], *line = NULL;
		size_t cap = 0;
		int key, id;
		if (ipc_count(k) == 0) continue;
		snprintf(path, sizeof path, "/proc/sysvipc/%s", ipc_kind[k]);
		FILE *f = fopen(path, "re");
		if (f && getline(&line, &cap, f) > 0) /* skip the header */
			while (getline(&line, &cap, f) > 0)
				if (sscanf(line, "%d %d", &key, &id) == 2) ipc_rm(k, id);
		/* No listing (gVisor): try the low ids, where gVisor allocates them one after another. */
		for (id = 0; !f && id < IPC_SCAN && (id % 256 || ipc_count(k) != 0); id++) ipc_rm(k, id);
		if (f) fclose(f);
		free(line);
	}
	become_root();
}

static void do_reset(void) {
	char msg[1024] = "", pids[64] = "";
	const char *dirs[] = {workdir, "/tmp", "/dev/shm", "/dev/mqueue"}; /* mqueue: where mounted */
	int ndirs = wipe_shared ? 4 : 1, left = 0;
	struct stat st;
	kill_and_reap(); /* nothing of the runs may survive; wipe_dir() relies on it */
	if (!lstat(workdir, &st) && S_ISDIR(st.st_mode) && (st.st_mode & 07777) != workdir_mode) {
		if (become_runner(true)) chmod(workdir, workdir_mode);
		become_root();
	}
	wipe_deadline = now_us() + WIPE_BUDGET_US;
	if (become_runner(true)) {
		for (int i = 0; i < ndirs; i++)
			if (i < 3 || !access(dirs[i], F_OK)) wipe(dirs[i]);
	} else {
		note(msg, sizeof msg, "cannot take the runner's file credentials");
	}
	become_root();
	remove_ipc();
	if (getpid() == 1) {
		DIR *d = opendir("/proc");
		struct dirent *e;
		if (!d) note(msg, sizeof msg, "/proc: %s", strerror(errno));
		for (size_t l; d && (e = readdir(d));)
			if ((l = strlen(e->d_name)) < 11 && strspn(e->d_name, "0123456789") == l &&
			    strcmp(e->d_name, "1") && left++ < 4)
				strcat(strcat(pids, " "), e->d_name); /* 4 pids fit */
		if (d) closedir(d);
		if (left) note(msg, sizeof msg, "%d processes left:%s", left, pids);
	} else if (reap(), !no_children) {
		note(msg, sizeof msg, "child processes left");
	}
	if (now_us() >= wipe_deadline) note(msg, sizeof msg, "wipe stopped after %d s", WIPE_BUDGET_US / 1000000);
	for (int i = 0; i < ndirs; i++)
		if (i < 3 || !access(dirs[i], F_OK)) check_empty(dirs[i], msg, sizeof msg);
	for (int k = 0, n; k < 3; k++)
		if ((n = ipc_count(k)) > 0) note(msg, sizeof msg, "%d SysV %s objects left", n, ipc_kind[k]);
	uint8_t clean = !msg[0];
	if (!clean) diag("reset not clean: %s", msg);
	send_frame('r', &clean, 1, msg, strlen(msg));
}

/* ---- main ---------------------------------------------------------------------------------- */

static unsigned parse_id(const char *s) {
	char *end;
	unsigned long v = strtoul(s, &end, 10);
	if (!*s || *end || v == 0 || v >= UINT_MAX) diag("bad id %s (the runner cannot be root)", s), exit(2);
	return (unsigned)v;
}

static void dispatch(struct frame *f) {
	switch (f->type) {
	case 'P': send_frame('p', NULL, 0, NULL, 0); break;
	case 'F': do_file(f); break;
	case 'X': do_exec(f); break;
	case 'R': do_reset(); break;
	default: break; /* I and S with no program running are ignored */
	}
	free(f->data);
}

int main(int argc, char **argv) {
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--no-tmp-wipe")) wipe_shared = false;
		else if (v && !strcmp(a, "--workdir")) workdir = v, i++;
		else if (v && !strcmp(a, "--uid")) run_uid = parse_id(v), i++;
		else if (v && !strcmp(a, "--gid")) run_gid = parse_id(v), i++;
		else if (v && !strcmp(a, "--cgroup")) cg_root = v, i++;
		else if (v && !strcmp(a, "--cpus")) cpu_quota = strtod(v, NULL), i++;
		else
			diag("usage: launcher [--cpus N --workdir D --uid N --gid N --cgroup D --no-tmp-wipe]"), exit(2);
	}
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	/* Non-dumpable hides /proc/1/environ from runs, but not under gVisor: blank it in place. */
	for (char **e = environ; *e; e++) memset(*e, 0, strlen(*e));
	clearenv();
	signal(SIGPIPE, SIG_IGN);
	umask(022);
	/* 0..2 must stay occupied so that no pipe lands there (the child's dup2() relies on it). */
	for (int fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_SETFD, FD_CLOEXEC) < 0 && open("/dev/null", O_RDWR | O_CLOEXEC) < 0) return 1;
	if (getpid() != 1) prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); /* tests: orphans come back to us */
	/* Root's supplementary groups must not apply to the file work done as the runner. */
	if (setgroups(0, NULL) < 0) diag("setgroups: %s", strerror(errno));
	use_fsuid = setfsuid((uid_t)-1) != -1;
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	if ((sigfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK)) < 0)
		diag("signalfd: %s", strerror(errno)), exit(1);
	send_frame('H', "coderun-launcher/1", 18, NULL, 0);
	struct stat st;
	if (!stat(workdir, &st)) workdir_mode = st.st_mode & 07777;
	else diag("%s: %s", workdir, strerror(errno));
	cg_probe();
	diag("ready: pid %d, workdir %s, runner %u:%u, %s", (int)getpid(), workdir, (unsigned)run_uid,
	     (unsigned)run_gid, use_fsuid ? "setfsuid" : "no setfsuid: effective ids for file work");
	for (;;) {
		struct frame f;
		struct pollfd pf[2] = {{0, POLLIN, 0}, {sigfd, POLLIN, 0}};
		if (held.type) {
			f = held, held.type = 0;
			dispatch(&f);
			continue;
		}
		if (poll(pf, 2, -1) < 0 && errno != EINTR) diag("poll: %s", strerror(errno)), die(1);
		if (pf[1].revents) drain_sigfd();
		if (pf[0].revents && read_input(&f)) dispatch(&f);
	}
}
