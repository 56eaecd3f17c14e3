#pragma once
// Route guards provided by the auth module: each authenticates the bearer token (filling
// Request::principal) and checks the role. 401 without a valid session, 403 for a role.

#include "core/http/http.hpp"

namespace declic::core::auth {

struct Guards {
  http::Guard signed_in;
  http::Guard staff;  // PROFESSIONNEL or ADMIN
  http::Guard admin;
};

}  // namespace declic::core::auth
