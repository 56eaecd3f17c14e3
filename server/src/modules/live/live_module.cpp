#include "modules/live/live_module.hpp"

#include "core/events/live_hub.hpp"
#include "modules/live/live_socket.hpp"

namespace declic::live {

void install(core::ModuleContext& m) {
  auto& hub = m.own(std::make_unique<core::events::LiveHub>());
  auto& bus = m.events;
  bus.on_live([&hub, &bus](const std::shared_ptr<const core::events::StoredEvent>& e) {
    if (const auto type = bus.public_type(e->type)) hub.publish(*e, *type);
  });
  auto& ctx = m.own(std::make_unique<LiveContext>(LiveContext{bus, hub, m.db, m.authenticate}));
  // No guard: the token comes in the first frame (browsers cannot set headers on a socket).
  m.router.websocket("/api/ws",
                     [&ctx](core::http::Request&, std::shared_ptr<core::http::WebSocket> ws) {
                       return serve(ctx, std::move(ws));
                     });
}

}  // namespace declic::live
