#pragma once
#include "core/db/db.hpp"
#include "modules/services/services_model.hpp"

namespace declic::services {

// SQL for the services table. Lookups take any string: a malformed UUID finds nothing.
class ServicesRepository {
 public:
  using Db = core::db::Queryable;
  template <class T>
  using Async = boost::asio::awaitable<core::Result<T>>;

  Async<std::optional<Service>> find(Db& db, const std::string& id);
  Async<std::vector<Service>> list(Db& db, bool include_archived);
  // Changes whenever a service is added or changed (rows are archived, never deleted).
  Async<std::string> version(Db& db);
  Async<Service> insert(Db& db, const Service& s);
  Async<Service> update(Db& db, const Service& s);  // every column but id and created_at
};

}  // namespace declic::services
