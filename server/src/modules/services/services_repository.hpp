#pragma once
#include "core/async.hpp"
#include "core/db/db.hpp"
#include "modules/services/services_model.hpp"

namespace declic::services {

// SQL for the services table. Lookups take any string: a malformed UUID finds nothing.
class ServicesRepository {
 public:
  using Db = core::db::Queryable;
  template <class T>
  using Async = core::Async<T>;

  Async<std::optional<Service>> find(Db& db, const std::string& id);
  Async<std::vector<Service>> list(Db& db, bool include_archived);
  // The service, its row locked until the transaction ends; 404 inside.
  Async<Service> lock(Db& tx, const std::string& id);
  // The catalogue's version: a counter every write bumps (bump_version) in its transaction.
  Async<std::string> version(Db& db);
  // Call first in every transaction that writes services: writers queue on the counter's
  // row, so versions are handed out in commit order.
  Async<void> bump_version(Db& tx);
  Async<Service> insert(Db& db, const Service& s);
  Async<Service> update(Db& db, const Service& s);  // every column but id, created_at, cover
  Async<Service> set_cover(Db& tx, const std::string& id,
                           const std::optional<std::string>& image_id);
};

}  // namespace declic::services
