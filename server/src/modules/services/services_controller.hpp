#pragma once
#include "core/http/http.hpp"
#include "core/http/page_cache.hpp"
#include "modules/services/services_service.hpp"

#include <memory>
#include <mutex>
#include <string>

namespace declic::services {

// HTTP for /api/services: decode, call the service, encode. The public catalogue's JSON is
// kept and served while the catalogue's version says nothing changed: one small read per
// request instead of every row (correct with several servers: the version is in the
// database).
class ServicesController {
 public:
  ServicesController(ServicesService& service, core::http::PageCache& pages)
      : service_(service), pages_(pages) {}

  core::http::Reply list(core::http::Request& req);
  core::http::Reply get(core::http::Request& req);
  core::http::Reply create(core::http::Request& req);
  core::http::Reply update(core::http::Request& req);
  core::http::Reply archive(core::http::Request& req);
  core::http::Reply put_cover(core::http::Request& req);     // PUT /api/services/{id}/cover
  core::http::Reply delete_cover(core::http::Request& req);  // DELETE …/cover

 private:
  core::http::Reply catalogue();
  core::http::Reply save(core::http::Request& req, bool is_new);

  struct CachedCatalogue {
    std::string version;
    std::shared_ptr<const std::string> json;
  };
  ServicesService& service_;
  core::http::PageCache& pages_;  // the staff list
  std::mutex cache_mutex_;        // requests run on several threads
  CachedCatalogue cache_;
};

}  // namespace declic::services
