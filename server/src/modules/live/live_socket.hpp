#pragma once
// One client of GET /api/ws (docs/openapi.yaml, "/api/ws"). The first frame authenticates
// ({"type": "auth", "token", "lastEventId"?}) within five seconds; the socket then gets
// {"type": "ready", "lastEventId": N}, what it missed since its lastEventId, and every later
// event its user may see, in id order, each once. A fresh token sent in-band moves the
// expiry; at expiry, or with a bad token, the socket is closed with 4001.

#include "core/auth/guards.hpp"
#include "core/db/db.hpp"
#include "core/events/events.hpp"
#include "core/events/live_hub.hpp"
#include "core/http/http.hpp"

#include <boost/asio/awaitable.hpp>

#include <memory>

namespace declic::live {

struct LiveContext {
  core::events::Bus& bus;
  core::events::LiveHub& hub;
  core::db::Queryable& db;
  const core::auth::Authenticate& authenticate;
};

boost::asio::awaitable<void> serve(const LiveContext& ctx,
                                   std::shared_ptr<core::http::WebSocket> ws);

}  // namespace declic::live
