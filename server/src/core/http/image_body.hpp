#pragma once
// Routes that take a picture as their whole body (`PUT …/logo`, `…/cover`): the request must
// say it sends an image. Whether it really is one is the image pipeline's to say.

#include "core/error/error.hpp"
#include "core/http/http.hpp"

#include <string>

namespace declic::core::http {

// The body, taken from the request: 415 unless Content-Type is image/*, 422 when empty.
Result<std::string> take_image_body(Request& req);

}  // namespace declic::core::http
