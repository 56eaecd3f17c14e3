#pragma once
// Route guards: each authenticates the bearer token (filling Request::principal) and checks
// the role. 401 without a valid session, 403 for a role. The token check itself belongs to
// the auth module, which installs it as the `Authenticate` function; the guards call it at
// request time, so modules installed before auth can already guard their routes.

#include "core/auth/principal.hpp"
#include "core/http/http.hpp"

#include <functional>
#include <string_view>

namespace declic::core::auth {

using Authenticate = std::function<boost::asio::awaitable<Result<Principal>>(std::string_view)>;

struct Guards {
  http::Guard signed_in;
  // Public routes that show more to staff: authenticates when a token is sent (401 when it
  // is invalid), lets anonymous callers through without a principal.
  http::Guard optional_sign_in;
  http::Guard staff;  // PROFESSIONNEL or ADMIN
  http::Guard admin;
};

// Guards calling `authenticate` (by reference: it may be set after they are made).
Guards make_guards(const Authenticate& authenticate);

}  // namespace declic::core::auth
