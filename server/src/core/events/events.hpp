#pragma once
// Domain events: how modules cause effects in each other without calling back into the
// modules that call them (docs/decisions.md, "Domain events").
//
//   bus.publish(tx, event)   stores the event in the caller's transaction and runs the
//                            in-transaction subscribers of its type there and then: what must
//                            commit with the change (projects creates its project when a
//                            booking is confirmed). They run in the publisher's locks; the
//                            order is in core/db/locks.hpp.
//   after-commit groups      run by the Dispatcher (dispatcher.hpp) once the transaction
//                            committed: at least once, retried with backoff, by whichever
//                            server claims the job first, so each group handles each event
//                            once across all servers. A handler gets a transaction whose
//                            commit also retires the job: its own database writes happen
//                            exactly once.
//   live listeners           every server process is told of every committed event (NOTIFY),
//                            in id order, for the WebSocket fan-out.
//
// What must stay true: an event exists iff its transaction committed; ids are given at
// commit, increase in commit order and leave no gaps (migrations/0004_events.sql).

#include "core/async.hpp"
#include "core/db/db.hpp"

#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace declic::core::events {

// Who may see an event live, or when catching up: every staff member, and/or these users.
struct Audience {
  bool staff = false;
  std::vector<std::string> users;
};

// The reader of a live stream: whether an event is for them.
struct Viewer {
  std::string user_id;
  bool staff = false;
  bool may_see(const Audience& a) const;
};

struct Event {
  std::string type;        // "booking.confirmed": lower-case words joined by dots
  std::string subject_id;  // what it is about
  std::optional<std::string> actor_id;
  std::string ip;  // of the request that caused it: for in-transaction subscribers, never stored
  boost::json::object data;
  Audience audience;
  // After-commit groups run it no sooner than this (a mail due if a message is still unread
  // in ten minutes); nullopt: at once.
  std::optional<std::chrono::system_clock::time_point> not_before;
};

// An event as committed.
struct StoredEvent {
  std::int64_t id = 0;
  std::string type, subject_id;
  std::optional<std::string> actor_id;
  boost::json::object data;
  Audience audience;
  std::string created_at;  // RFC 3339
};

using core::Async;

class Bus {
 public:
  using InTx = std::function<Async<void>(db::Queryable& tx, const Event& e)>;
  using AfterCommit = std::function<Async<void>(db::Queryable& tx, const StoredEvent& e)>;
  using Live = std::function<void(const std::shared_ptr<const StoredEvent>& e)>;
  using Feed = std::function<void(bool live)>;

  // Subscriptions are made at start-up, before anything is published. `type` is an exact
  // type or a prefix ending in ".*" ("booking.*").
  void on(std::string type, InTx handler);
  // `group` names the subscriber across servers and restarts ("bookings.mail"): one job per
  // event and group. A group may subscribe to several types.
  void after_commit(std::string group, std::string type, AfterCommit handler);
  void on_live(Live listener);
  // Told whether this server's live feed hears every committed event now (listening and
  // caught up) or may be missing some (not yet started, reconnecting, a read failed): what
  // keeps in memory state that events invalidate must drop it while the feed is not live.
  void on_feed(Feed listener);
  // What a live client is told an event is: "booking.*" → "booking.updated". Events with no
  // public name are never sent to clients.
  void expose(std::string type, std::string public_type);
  std::optional<std::string_view> public_type(std::string_view type) const;

  // Stores `e` in `tx` (with a job per after-commit group that wants it), then runs its
  // in-transaction subscribers; their error aborts the caller's transaction.
  Async<void> publish(db::Queryable& tx, const Event& e);

  // Committed events after `after_id` that `viewer` may see, oldest first.
  Async<std::vector<StoredEvent>> since(db::Queryable& db, std::int64_t after_id,
                                        const Viewer& viewer, int limit);
  // Every committed event after `after_id`, oldest first (the live feed of one server).
  Async<std::vector<StoredEvent>> all_since(db::Queryable& db, std::int64_t after_id, int limit);
  // The id of the latest committed event (0 when none).
  Async<std::int64_t> last_id(db::Queryable& db);
  // Whether every event after `after_id` is still stored (none purged yet).
  Async<bool> kept_after(db::Queryable& db, std::int64_t after_id);

  // For the Dispatcher.
  const AfterCommit* handler(std::string_view group, std::string_view type) const;
  void deliver_live(const std::shared_ptr<const StoredEvent>& e) const;
  void feed_changed(bool live) const;

 private:
  struct InTxSubscription {
    std::string type;
    InTx handler;
  };
  struct AfterCommitSubscription {
    std::string group, type;
    AfterCommit handler;
  };
  std::vector<std::string> groups_for(std::string_view type) const;

  std::vector<std::pair<std::string, std::string>> public_types_;
  std::vector<InTxSubscription> in_tx_;
  std::vector<AfterCommitSubscription> after_commit_;
  std::vector<Live> live_;
  std::vector<Feed> feed_;
};

// A string field of an event's data; nullopt when absent or not a string.
std::optional<std::string> text_of(const boost::json::object& data, std::string_view name);
// A boolean field of an event's data; false when absent or not a boolean.
bool flag_of(const boost::json::object& data, std::string_view name);

// Whether `type` matches a subscription pattern (exact, "prefix.*", or "*").
bool matches(std::string_view pattern, std::string_view type);

}  // namespace declic::core::events
