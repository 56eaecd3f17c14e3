// The reference for download throughput: the least an HTTP/1.1 server can do to send a file —
// a thread per connection, the request's headers read and ignored, one fixed response header,
// then sendfile(2) of the whole file; keep-alive. Usage: sendfile_server PORT FILE
#define _GNU_SOURCE
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

static int file_fd;
static off_t file_size;
static char header[256];
static size_t header_len;

static int write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w <= 0) return -1;
    p += w, n -= (size_t)w;
  }
  return 0;
}

static void *serve(void *arg) {
  int fd = (int)(intptr_t)arg;
  char buf[16384];
  size_t have = 0;
  for (;;) {
    char *end;
    while (!(end = memmem(buf, have, "\r\n\r\n", 4))) {
      ssize_t n = have < sizeof buf ? read(fd, buf + have, sizeof buf - have) : -1;
      if (n <= 0) goto done;
      have += (size_t)n;
    }
    size_t used = (size_t)(end + 4 - buf);
    memmove(buf, buf + used, have - used);
    have -= used;
    if (write_all(fd, header, header_len) < 0) goto done;
    for (off_t offset = 0; offset < file_size;)
      if (sendfile(fd, file_fd, &offset, (size_t)(file_size - offset)) <= 0) goto done;
  }
done:
  close(fd);
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 3) return fprintf(stderr, "usage: %s PORT FILE\n", argv[0]), 2;
  signal(SIGPIPE, SIG_IGN);  // a client gone mid-file ends its thread, not the server
  struct stat st;
  if ((file_fd = open(argv[2], O_RDONLY)) < 0 || fstat(file_fd, &st) < 0) return perror(argv[2]), 1;
  file_size = st.st_size;
  header_len = (size_t)snprintf(header, sizeof header,
                                "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n"
                                "Content-Length: %lld\r\n\r\n",
                                (long long)file_size);
  int listener = socket(AF_INET, SOCK_STREAM, 0), on = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1])),
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(listener, 1024) < 0)
    return perror("listen"), 1;
  printf("listening\n");
  fflush(stdout);
  for (;;) {
    int fd = accept(listener, NULL, NULL);
    if (fd < 0) continue;
    pthread_t thread;
    if (pthread_create(&thread, NULL, serve, (void *)(intptr_t)fd) == 0) pthread_detach(thread);
    else close(fd);
  }
}
