#pragma once
// Route guards provided by the auth module: each authenticates the bearer token (filling
// Request::principal) and checks the role. 401 without a valid session, 403 for a role.

#include "core/http/http.hpp"

namespace declic::core::auth {

struct Guards {
  http::Guard signed_in;
  // Public routes that show more to staff: authenticates when a token is sent (401 when it
  // is invalid), lets anonymous callers through without a principal.
  http::Guard identify;
  http::Guard staff;  // PROFESSIONNEL or ADMIN
  http::Guard admin;
};

}  // namespace declic::core::auth
