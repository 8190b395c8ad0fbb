// See include/cserve.h. Linux (glibc >= 2.34 for posix_spawn_file_actions_addclosefrom_np).
#define _GNU_SOURCE 1
#include "cserve.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

int cserve_open_pty(char *slave_path, size_t slave_path_len) {
    int fd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return -1;
    if (grantpt(fd) != 0 || unlockpt(fd) != 0 || ptsname_r(fd, slave_path, slave_path_len) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int cserve_set_window_size(int fd, unsigned short columns, unsigned short rows) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_col = columns;
    ws.ws_row = rows;
    return ioctl(fd, TIOCSWINSZ, &ws);
}

int cserve_spawn_on_tty(pid_t *pid, const char *path, char *const argv[],
                        char *const envp[], const char *tty_path) {
    posix_spawnattr_t attr;
    posix_spawn_file_actions_t actions;
    int rc = posix_spawnattr_init(&attr);
    if (rc != 0) return rc;
    rc = posix_spawn_file_actions_init(&actions);
    if (rc != 0) {
        posix_spawnattr_destroy(&attr);
        return rc;
    }

    sigset_t empty, defaults;
    sigemptyset(&empty);
    sigemptyset(&defaults);
    // Ignored dispositions survive exec (the server ignores SIGPIPE, for one): reset them.
    static const int reset[] = {SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD,
                                SIGWINCH, SIGTSTP, SIGTTIN, SIGTTOU, SIGALRM, SIGUSR1,
                                SIGUSR2, SIGCONT, SIGURG};
    for (size_t i = 0; i < sizeof reset / sizeof reset[0]; i++) sigaddset(&defaults, reset[i]);

    // glibc runs setsid() before the file actions, so opening the tty (without
    // O_NOCTTY) makes it the controlling terminal of the new session.
    short flags = POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    if ((rc = posix_spawnattr_setflags(&attr, flags)) == 0 &&
        (rc = posix_spawnattr_setsigmask(&attr, &empty)) == 0 &&
        (rc = posix_spawnattr_setsigdefault(&attr, &defaults)) == 0 &&
        (rc = posix_spawn_file_actions_addopen(&actions, 0, tty_path, O_RDWR, 0)) == 0 &&
        (rc = posix_spawn_file_actions_adddup2(&actions, 0, 1)) == 0 &&
        (rc = posix_spawn_file_actions_adddup2(&actions, 0, 2)) == 0 &&
        (rc = posix_spawn_file_actions_addclosefrom_np(&actions, 3)) == 0) {
        rc = posix_spawn(pid, path, &actions, &attr, argv, envp);
    }
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    return rc;
}

int cserve_reap(pid_t pid, int *exit_code, int *signal) {
    int status = 0;
    pid_t r;
    do {
        r = waitpid(pid, &status, WNOHANG);
    } while (r < 0 && errno == EINTR);
    if (r <= 0) return (int)r;
    *signal = 0;
    if (WIFEXITED(status)) {
        *exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        *signal = WTERMSIG(status);
        *exit_code = 128 + WTERMSIG(status);
    } else {
        *exit_code = 255;
    }
    return (int)r;
}

int cserve_kill_group(pid_t pgid, int sig) {
    if (pgid <= 1) {
        errno = EINVAL;
        return -1;
    }
    return kill(-pgid, sig);
}

static int fill_address(struct sockaddr_un *addr, const char *path) {
    memset(addr, 0, sizeof *addr);
    addr->sun_family = AF_UNIX;
    size_t len = strlen(path);
    if (len == 0 || len >= sizeof addr->sun_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(addr->sun_path, path, len + 1);
    return 0;
}

size_t cserve_unix_path_max(void) {
    struct sockaddr_un addr;
    return sizeof addr.sun_path - 1;
}

int cserve_unix_listen(const char *path, int backlog) {
    struct sockaddr_un addr;
    if (fill_address(&addr, path) != 0) return -1;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    // On Linux the socket file takes the socket inode's mode at bind time: 0600 from the
    // start, with no window where others could connect.
    if (fchmod(fd, S_IRUSR | S_IWUSR) != 0 ||
        bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 ||
        chmod(path, S_IRUSR | S_IWUSR) != 0 ||
        listen(fd, backlog) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int cserve_unix_connect(const char *path) {
    struct sockaddr_un addr;
    if (fill_address(&addr, path) != 0) return -1;
    // Non-blocking: a relay whose backlog is full gives EAGAIN instead of a hang.
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) return -1;
    int rc;
    do {
        rc = connect(fd, (struct sockaddr *)&addr, sizeof addr);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int cserve_set_nonblocking(int fd, int on) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return -1;
    flags = on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
    return fcntl(fd, F_SETFL, flags);
}

long cserve_send(int fd, const void *buf, size_t len) {
    ssize_t n;
    do {
        n = send(fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    return (long)n;
}
