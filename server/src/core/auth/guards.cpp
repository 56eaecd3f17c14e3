#include "core/auth/guards.hpp"

namespace declic::core::auth {

namespace {
using GuardResult = boost::asio::awaitable<std::optional<Error>>;
}

Guards make_guards(const Authenticate& authenticate) {
  auto signed_in = [&authenticate](http::Request& req) -> GuardResult {
    const auto header = req.header("authorization");
    if (header.size() < 8 || (!header.starts_with("Bearer ") && !header.starts_with("bearer ")))
      co_return Error::unauthorized();
    auto principal = co_await authenticate(header.substr(7));
    if (!principal) co_return principal.error();
    req.principal = std::move(*principal);
    co_return std::nullopt;
  };
  auto with_role = [signed_in](bool admin_only) {
    return [signed_in, admin_only](http::Request& req) -> GuardResult {
      if (auto refused = co_await signed_in(req)) co_return refused;
      const bool allowed = admin_only ? req.principal->is_admin() : req.principal->is_staff();
      if (!allowed) co_return Error::forbidden();
      co_return std::nullopt;
    };
  };
  auto optional_sign_in = [signed_in](http::Request& req) -> GuardResult {
    if (req.header("authorization").empty()) co_return std::nullopt;
    co_return co_await signed_in(req);
  };
  return {signed_in, optional_sign_in, with_role(false), with_role(true)};
}

}  // namespace declic::core::auth
