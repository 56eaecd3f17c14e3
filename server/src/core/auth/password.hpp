#pragma once
// Password hashing with argon2id (libsodium), at the OWASP / ASVS minimum: 19 MiB of memory,
// 2 passes, 1 lane. The encoded hash carries its own salt and parameters, so raising them
// later only needs needs_rehash() at the next successful sign-in.
//
// hash_password and verify_password are CPU-heavy and block for tens of milliseconds:
// callers must run them off the event loop (core::run_blocking on the worker pool).

#include <string>
#include <string_view>

namespace declic::core::auth {

// Initialises libsodium once per process; idempotent and thread-safe, cheap after the first
// call. Every function of core/auth that needs libsodium calls it, so callers cannot forget.
// Throws std::runtime_error if libsodium cannot start (no entropy source).
void init_crypto();

// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>". Throws std::runtime_error when the
// 19 MiB cannot be allocated.
std::string hash_password(std::string_view password);

// True only when encoded_hash is a well-formed argon2 hash of password; false for any
// malformed, truncated or empty hash.
bool verify_password(std::string_view encoded_hash, std::string_view password);

// True when encoded_hash is not argon2id with the current parameters (or is malformed):
// after a successful verify, store hash_password(password) instead.
bool needs_rehash(std::string_view encoded_hash);

}  // namespace declic::core::auth
