#pragma once
#include "core/http/http.hpp"
#include "modules/images/images_service.hpp"

namespace declic::images {

class ImagesController {
 public:
  explicit ImagesController(ImagesService& service) : service_(service) {}
  core::http::Reply content(core::http::Request& req);  // GET /api/images/{id}

 private:
  ImagesService& service_;
};

}  // namespace declic::images
