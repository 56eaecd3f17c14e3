#pragma once
#include "core/error/error.hpp"

namespace declic::core::http {
// HTTP status for an error kind; Response::problem builds the full reply.
int status_of(Errc errc);
}  // namespace declic::core::http
