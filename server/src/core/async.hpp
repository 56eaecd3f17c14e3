#pragma once
// The return type of every asynchronous operation that can fail in an expected way.

#include "core/error/error.hpp"

#include <boost/asio/awaitable.hpp>

namespace declic::core {

template <class T>
using Async = boost::asio::awaitable<Result<T>>;

}  // namespace declic::core
