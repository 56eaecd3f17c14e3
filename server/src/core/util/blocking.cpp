#include "core/util/blocking.hpp"

#include <malloc.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <latch>

namespace declic::core {

std::unique_ptr<boost::asio::thread_pool> make_background_pool(unsigned threads) {
  // argon2id takes 19 MiB per hash. Served by mmap/munmap, each hash would take the process's
  // memory-map lock for writing; a low-priority thread holding it stalls the event loop's
  // page faults (priority inversion). Keep such blocks in the heap and keep them mapped.
  // (glibc's allocator: the server's own binary uses jemalloc, which never unmaps them.)
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);

  auto pool = std::make_unique<boost::asio::thread_pool>(threads);
  // One task per thread, each held until all started, so every thread lowers itself once.
  std::latch started(threads);
  std::latch done(threads);
  for (unsigned i = 0; i < threads; ++i)
    boost::asio::post(*pool, [&] {
      setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
      started.arrive_and_wait();
      done.count_down();
    });
  done.wait();
  return pool;
}

}  // namespace declic::core
