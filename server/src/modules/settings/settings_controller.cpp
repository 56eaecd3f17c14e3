#include "modules/settings/settings_controller.hpp"

#include <boost/json.hpp>

namespace declic::settings {

using core::http::Response;

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out,
                const StudioProfile& p) {
  out = {{"name", p.name}, {"timeZone", p.time_zone}, {"currency", p.currency},
         {"locale", p.locale}};
}

boost::asio::awaitable<Response> SettingsController::studio(core::http::Request&) {
  auto profile = co_await service_.studio_profile();
  if (!profile) co_return Response::problem(profile.error());
  auto res = Response::json(200, boost::json::serialize(boost::json::value_from(*profile)));
  // Public and rarely changed: let browsers reuse it briefly.
  res.set("Cache-Control", "public, max-age=60");
  co_return res;
}

}  // namespace declic::settings
