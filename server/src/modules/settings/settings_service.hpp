#pragma once
#include "core/db/db.hpp"
#include "modules/settings/settings_repository.hpp"

namespace declic::settings {

class SettingsService {
 public:
  explicit SettingsService(core::db::Pool& db) : db_(db) {}
  // Public: no principal needed, nothing private in it.
  boost::asio::awaitable<core::Result<StudioProfile>> studio_profile();
  // The same, read through `db` (a caller's transaction: no second connection).
  boost::asio::awaitable<core::Result<StudioProfile>> studio_profile(core::db::Queryable& db);

 private:
  core::db::Pool& db_;
  SettingsRepository repository_;
};

}  // namespace declic::settings
