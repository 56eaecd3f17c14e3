#include "core/http/image_body.hpp"

#include "core/http/field_values.hpp"

namespace declic::core::http {

Result<std::string> take_image_body(Request& req) {
  const auto type = req.header("content-type");
  if (type.size() < 6 || !iequals(type.substr(0, 6), "image/"))
    return Error::unsupported_media_type("Send the picture itself, as image/jpeg, image/png…");
  if (req.body.empty()) return Error::validation({{"file", "required", "No picture sent."}});
  return std::move(req.body);
}

}  // namespace declic::core::http
