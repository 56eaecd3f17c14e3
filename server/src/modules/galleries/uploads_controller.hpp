#pragma once
#include "core/http/http.hpp"
#include "modules/galleries/uploads_service.hpp"

namespace declic::galleries {

// tus 1.0 at /api/uploads: the protocol's headers in and out; the rules are UploadsService's.
class UploadsController {
 public:
  explicit UploadsController(UploadsService& service, std::int64_t max_size)
      : service_(service), max_size_(max_size) {}
  using Reply = core::http::Reply;
  using Request = core::http::Request;

  Reply options(Request& req);
  Reply create(Request& req, core::http::BodyReader& body);  // POST, with or without bytes
  Reply head(Request& req);
  Reply append(Request& req, core::http::BodyReader& body);  // PATCH
  Reply terminate(Request& req);                             // DELETE

 private:
  // The request's bytes written at `offset`; the reply says where the upload stands.
  Reply write(Request& req, core::http::BodyReader& body, const std::string& id,
              std::int64_t offset, int status);
  UploadsService& service_;
  std::int64_t max_size_;
};

}  // namespace declic::galleries
