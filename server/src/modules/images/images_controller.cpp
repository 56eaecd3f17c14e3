#include "modules/images/images_controller.hpp"

#include "core/http/files.hpp"
#include "core/http/json.hpp"

namespace declic::images {

namespace http = core::http;

http::Reply ImagesController::content(http::Request& req) {
  auto found = co_await service_.open(std::string(req.param("id")));
  if (!found) co_return http::problem(found.error());
  auto file = http::File::open(found->second);
  if (!file) co_return http::problem(core::Error::not_found("image"));
  http::FileReply reply;
  reply.content_type = "image/webp";
  reply.cache_control = "public, max-age=31536000, immutable";  // an id never changes content
  co_return http::file_response(req, std::move(file), reply);
}

}  // namespace declic::images
