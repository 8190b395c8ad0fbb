// CServe: the POSIX calls moneyloop serve needs that Swift cannot make directly
// (variadic ioctl, posix_spawn attributes and file actions, sockaddr_un, wait macros).
// Every function returns 0 or a file descriptor on success and -1 with errno set on
// failure, unless it says otherwise.
#ifndef CSERVE_H
#define CSERVE_H

#include <stddef.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Opens a pseudo-terminal master (O_RDWR | O_NOCTTY | O_CLOEXEC), grants and unlocks
/// it, and writes the slave's path into `slave_path`. Returns the master fd or -1.
int cserve_open_pty(char *slave_path, size_t slave_path_len);

/// Sets the window size of a terminal (TIOCSWINSZ). The foreground process group of
/// the terminal gets SIGWINCH from the kernel.
int cserve_set_window_size(int fd, unsigned short columns, unsigned short rows);

/// Spawns `path` as the leader of a new session whose controlling terminal is the
/// terminal at `tty_path`, opened as fd 0 and duplicated to 1 and 2. Every other fd is
/// closed in the child, the signal mask is cleared and the usual signals are reset to
/// their default action. Returns 0 and the pid in `*pid`, or an errno value.
int cserve_spawn_on_tty(pid_t *pid, const char *path, char *const argv[],
                        char *const envp[], const char *tty_path);

/// waitpid(pid, WNOHANG). Returns the pid when it exited (with `*exit_code` the exit
/// status, or 128 + signal and `*signal` the signal number when it was killed), 0 when
/// it is still running, -1 on error (ECHILD: already reaped or not ours).
int cserve_reap(pid_t pid, int *exit_code, int *signal);

/// Sends `sig` to the process group `pgid` (kill(-pgid, sig)).
int cserve_kill_group(pid_t pgid, int sig);

/// Creates, binds and listens on a Unix stream socket at `path` (which must not exist)
/// with mode 0600. Close-on-exec. Returns the listening fd, or -1 (ENAMETOOLONG when the
/// path does not fit in sockaddr_un).
int cserve_unix_listen(const char *path, int backlog);

/// Connects a close-on-exec, non-blocking Unix stream socket to `path`. Returns the fd,
/// or -1 (EAGAIN when the listener's backlog is full, ECONNREFUSED/ENOENT when nobody
/// listens).
int cserve_unix_connect(const char *path);

/// Sets or clears O_NONBLOCK.
int cserve_set_nonblocking(int fd, int on);

/// send(fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT). Returns bytes sent or -1.
long cserve_send(int fd, const void *buf, size_t len);

/// The maximum length of a Unix socket path on this system (excluding the NUL).
size_t cserve_unix_path_max(void);

#ifdef __cplusplus
}
#endif

#endif
