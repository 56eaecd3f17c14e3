#pragma once
// What LeakSanitizer (sanitizer builds) must not report: libraries that keep process-wide
// state until exit by design. fontconfig (under pango: contract PDFs, the demo's logo) keeps
// its configuration; libvips registers its operations in GObject's type system and keeps its
// threads' state, as GLib does. Anything of ours is still reported.
//
// Every binary that may run under a sanitizer (the server, the test suites) expands
// DECLIC_LEAK_SUPPRESSIONS once: LeakSanitizer asks for this weak hook at start-up, so the
// list holds wherever the binary is started from (a test's child process included).

namespace declic::core {
inline constexpr const char* kLeakSuppressions =
    "leak:libfontconfig.so\n"
    "leak:libvips.so\n"
    "leak:libgobject-2.0.so\n"
    "leak:libglib-2.0.so\n";
}  // namespace declic::core

#define DECLIC_LEAK_SUPPRESSIONS                         \
  extern "C" const char* __lsan_default_suppressions() { \
    return declic::core::kLeakSuppressions;              \
  }
