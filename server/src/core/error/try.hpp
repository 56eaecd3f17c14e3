#pragma once
// Error propagation in coroutines returning awaitable<Result<T>>: one line instead of three.
//
//   DECLIC_CO_TRY(auto booking, co_await repository_->get(tx, id));  // 404 inside
//   DECLIC_CO_TRYV(co_await audit_.record(tx, event));                 // Result<void>
//
// Each expands to a named local holding the Result, so no temporary lives across a
// suspension point: safe with the g++ 12 coroutine bugs listed in docs/decisions.md.

#define DECLIC_CAT_INNER(a, b) a##b
#define DECLIC_CAT(a, b) DECLIC_CAT_INNER(a, b)

#define DECLIC_CO_TRY(decl, ...)                                    \
  auto DECLIC_CAT(declic_try_, __LINE__) = (__VA_ARGS__);           \
  if (!DECLIC_CAT(declic_try_, __LINE__))                           \
    co_return std::move(DECLIC_CAT(declic_try_, __LINE__)).error(); \
  decl = std::move(*DECLIC_CAT(declic_try_, __LINE__))

#define DECLIC_CO_TRYV(...)                                       \
  do {                                                            \
    auto declic_tryv_ = (__VA_ARGS__);                            \
    if (!declic_tryv_) co_return std::move(declic_tryv_).error(); \
  } while (false)
