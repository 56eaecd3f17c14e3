#pragma once
// The application's one lock order. A transaction that needs several of these locks takes
// them in this order, and row locks (FOR UPDATE) only after them:
//
//   1. calendar(professional id) — every change to one professional's bookable time: weekly
//      hours, blocked periods, creating or moving a booking. The free-slot check that counts
//      runs under it, so nothing slips in between the check and the write.
//   2. requests(client id) — a client's open booking requests: counted and added under it,
//      so concurrent requests cannot pass the studio's cap.
//   3. booking(booking id) — a booking and everything that hangs off it (its project, its
//      contracts; later its gallery). Every transition of a booking and every change of its
//      project takes it first, so the in-transaction subscribers on either side may lock
//      the other side's rows in any order without deadlocking. A contract's own steps
//      (send, sign…) lock its row alone and wait on nothing else.
//   4. mailbox(user id:kind) — what is mailed to one user about one kind of notification: the
//      mail handlers take it (alone), so two of them never mail the same notifications.
//
// Advisory transaction locks: held until the transaction ends, re-entrant within it. The key
// is a 64-bit hash of the id, seeded with the scope (a collision only serializes more).

#include "core/db/db.hpp"

namespace declic::core::db {

enum class LockScope : int { calendar = 0, booking = 1, mailbox = 2, requests = 3 };

boost::asio::awaitable<Result<void>> lock(Queryable& tx, LockScope scope, const std::string& key);

}  // namespace declic::core::db
