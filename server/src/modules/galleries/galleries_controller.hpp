#pragma once
#include "core/http/http.hpp"
#include "modules/galleries/galleries_service.hpp"

#include <boost/asio/thread_pool.hpp>

namespace declic::galleries {

// HTTP for galleries, their photos, selections, logs and zips (API.md, Galleries).
class GalleriesController {
 public:
  // `blocking`: where zip downloads read the photos' files, off the event loop.
  GalleriesController(GalleriesService& service, boost::asio::thread_pool& blocking)
      : service_(service), blocking_(blocking) {}
  using Reply = core::http::Reply;
  using Request = core::http::Request;

  Reply create(Request& req);
  Reply list(Request& req);
  Reply get(Request& req);
  Reply update(Request& req);
  Reply remove(Request& req);
  Reply publish(Request& req);
  Reply reorder(Request& req);
  Reply photos(Request& req);
  Reply remove_photo(Request& req);
  Reply favorite(Request& req);  // PUT marks, DELETE unmarks
  Reply comment(Request& req);
  Reply submit(Request& req);
  Reply reopen(Request& req);
  Reply selection(Request& req);
  Reply downloads(Request& req);
  Reply usage(Request& req);
  Reply archive(Request& req);
  Reply create_share(Request& req);
  Reply shares(Request& req);
  Reply revoke_share(Request& req);
  Reply unlock_share(Request& req);
  Reply shared(Request& req);

 private:
  GalleriesService& service_;
  boost::asio::thread_pool& blocking_;
};

}  // namespace declic::galleries
