#include "modules/messages/messages_repository.hpp"

#include "core/error/try.hpp"
#include "core/util/uuid.hpp"

#include <boost/json.hpp>

namespace declic::messages {

namespace db = core::db;
using core::Error;

namespace {

// The 19 columns decode_message() reads, from the joins of MESSAGE_FROM.
#define MESSAGE_COLUMNS                                                                         \
  "m.id, m.seq, m.conversation_id, m.body, m.from_staff, a.id, a.first_name, a.last_name,"      \
  " rfc3339(m.created_at), b.id, rfc3339(b.starts_at), b.status, bs.name, p.id, p.status,"      \
  " ps.name, m.follow_up,"                                                                      \
  " (SELECT coalesce(json_agg(json_build_object('id', f.id, 'name', f.name, 'mimeType',"        \
  "   f.mime_type, 'sizeBytes', f.size_bytes) ORDER BY mf.position), '[]')::text"               \
  "  FROM message_files mf JOIN files f ON f.id = mf.file_id WHERE mf.message_id = m.id),"      \
  " (SELECT CASE WHEN m.from_staff THEN rc.client_read_seq ELSE rc.staff_read_seq END >= m.seq" \
  "  FROM conversations rc WHERE rc.id = m.conversation_id)"
#define MESSAGE_FROM                                                                           \
  " FROM messages m LEFT JOIN users a ON a.id = m.author_id"                                   \
  " LEFT JOIN bookings b ON b.id = m.booking_id LEFT JOIN services bs ON bs.id = b.service_id" \
  " LEFT JOIN projects p ON p.id = m.project_id LEFT JOIN bookings pb ON pb.id = p.booking_id" \
  " LEFT JOIN services ps ON ps.id = pb.service_id"
// A conversation as seen by the viewer ($1: whether the viewer is staff), its last message.
#define CONVERSATION_SELECT                                                                   \
  "SELECT c.id AS c_id, u.id AS client_id, u.first_name, u.last_name, u.email,"               \
  " rfc3339(c.last_message_at), c.client_read_seq, c.staff_read_seq,"                         \
  " (SELECT count(*) FROM messages x WHERE x.conversation_id = c.id AND x.from_staff <> $1"   \
  "   AND x.seq > CASE WHEN $1 THEN c.staff_read_seq ELSE c.client_read_seq END) AS unread,"  \
  " (SELECT count(*) FROM messages x WHERE x.conversation_id = c.id AND x.follow_up)"         \
  "   AS follow_ups,"                                                                         \
  " coalesce((extract(epoch FROM c.last_message_at) * 1000000)::bigint, 0) AS activity, lm.*" \
  " FROM conversations c JOIN users u ON u.id = c.client_id"                                  \
  " LEFT JOIN LATERAL (SELECT " MESSAGE_COLUMNS MESSAGE_FROM                                  \
  "   WHERE m.conversation_id = c.id ORDER BY m.seq DESC LIMIT 1) lm ON true"

constexpr db::Statement kConversationOf{"conversations_of_client",
                                        CONVERSATION_SELECT " WHERE c.client_id = $2::uuid"};
constexpr db::Statement kConversation{"conversations_get",
                                      CONVERSATION_SELECT " WHERE c.id = $2::uuid"};
constexpr db::Statement kCreate{
    "conversations_create",
    "INSERT INTO conversations (client_id) VALUES ($1::uuid) ON CONFLICT (client_id) DO NOTHING"};
// The staff inbox: conversations with messages, latest activity first; keyset on
// (activity µs, id). $2 search pattern, $3 unread only, $4 follow-ups only.
constexpr db::Statement kInbox{
    "conversations_inbox",
    "SELECT * FROM (" CONVERSATION_SELECT
    " WHERE c.last_message_at IS NOT NULL AND ($2::text IS NULL OR u.email ILIKE $2"
    "   OR u.first_name ILIKE $2 OR u.last_name ILIKE $2"
    "   OR (u.first_name || ' ' || u.last_name) ILIKE $2)) x"
    " WHERE (NOT $3 OR x.unread > 0) AND (NOT $4 OR x.follow_ups > 0)"
    "   AND ($5::bigint IS NULL OR (x.activity, x.c_id) < ($5::bigint, $6::uuid))"
    " ORDER BY x.activity DESC, x.c_id DESC LIMIT $7"};
constexpr db::Statement kLock{"conversations_lock",
                              "SELECT 1 FROM conversations WHERE id = $1::uuid FOR UPDATE"};
constexpr db::Statement kInsert{
    "messages_insert",
    "INSERT INTO messages (conversation_id, author_id, from_staff, body, booking_id, project_id)"
    " VALUES ($1::uuid, $2::uuid, $3, $4, $5::uuid, $6::uuid) RETURNING id, seq"};
constexpr db::Statement kAttach{
    "messages_attach",
    "INSERT INTO message_files (message_id, file_id, position)"
    " SELECT $1::uuid, f, o - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS t(f, o)"};
// The writer has read what they wrote.
constexpr db::Statement kTouch{
    "conversations_touch",
    "UPDATE conversations SET last_message_at = now(),"
    " client_read_seq = CASE WHEN $3 THEN client_read_seq ELSE $2 END,"
    " staff_read_seq = CASE WHEN $3 THEN $2 ELSE staff_read_seq END WHERE id = $1::uuid"};
constexpr db::Statement kMessages{
    "messages_page", "SELECT " MESSAGE_COLUMNS MESSAGE_FROM
                     " WHERE m.conversation_id = $1::uuid AND ($2::bigint IS NULL OR m.seq < $2)"
                     " ORDER BY m.seq DESC LIMIT $3"};
constexpr db::Statement kMessage{"messages_get",
                                 "SELECT " MESSAGE_COLUMNS MESSAGE_FROM " WHERE m.id = $1::uuid"};
constexpr db::Statement kShareReceipts{
    "conversations_share_receipts",
    "SELECT 1 FROM conversations c JOIN messages m ON m.conversation_id = c.id"
    " WHERE m.id = $1::uuid FOR SHARE OF c"};
constexpr db::Statement kSeqOf{
    "messages_seq_of",
    "SELECT seq FROM messages WHERE id = $2::uuid AND conversation_id = $1::uuid"};
constexpr db::Statement kMarkRead{
    "conversations_mark_read",
    "UPDATE conversations c SET"
    " client_read_seq = CASE WHEN $2 THEN c.client_read_seq ELSE n.newest END,"
    " staff_read_seq = CASE WHEN $2 THEN n.newest ELSE c.staff_read_seq END"
    " FROM (SELECT coalesce(max(seq), 0) AS newest FROM messages WHERE conversation_id = $1::uuid) "
    "n"
    " WHERE c.id = $1::uuid"
    "   AND n.newest > CASE WHEN $2 THEN c.staff_read_seq ELSE c.client_read_seq END"
    " RETURNING n.newest"};
constexpr db::Statement kFollowUp{
    "messages_follow_up",
    "UPDATE messages SET follow_up = $2 WHERE id = $1::uuid RETURNING conversation_id"};
#define REPLY_COLUMNS "id, title, body, rfc3339(created_at), rfc3339(updated_at)"
constexpr db::Statement kReplies{
    "saved_replies_list", "SELECT " REPLY_COLUMNS " FROM saved_replies ORDER BY lower(title), id"};
constexpr db::Statement kAddReply{
    "saved_replies_add",
    "INSERT INTO saved_replies (title, body, created_by) VALUES ($1, $2, $3::uuid)"
    " RETURNING " REPLY_COLUMNS};
constexpr db::Statement kUpdateReply{
    "saved_replies_update",
    "UPDATE saved_replies SET title = COALESCE($2, title), body = COALESCE($3, body),"
    " updated_at = now() WHERE id = $1::uuid RETURNING " REPLY_COLUMNS};
constexpr db::Statement kRemoveReply{"saved_replies_remove",
                                     "DELETE FROM saved_replies WHERE id = $1::uuid"};
#undef REPLY_COLUMNS
#undef CONVERSATION_SELECT
#undef MESSAGE_FROM
#undef MESSAGE_COLUMNS

constexpr int kLastMessage = 11;  // the first column of the conversation's last message

Message decode_message(const db::Row& r, int c) {
  Message m;
  m.id = r.get<std::string>(c);
  m.seq = r.get<std::int64_t>(c + 1);
  m.conversation_id = r.get<std::string>(c + 2);
  m.body = r.get<std::string>(c + 3);
  m.from_staff = r.get<bool>(c + 4);
  if (!r.is_null(c + 5))
    m.author = Message::Author{r.get<std::string>(c + 5), r.get<std::string>(c + 6),
                               r.get<std::string>(c + 7)};
  m.created_at = r.get<std::string>(c + 8);
  if (!r.is_null(c + 9))
    m.booking = Message::BookingRef{r.get<std::string>(c + 9), r.get<std::string>(c + 10),
                                    r.get<std::string>(c + 11), r.get<std::string>(c + 12)};
  if (!r.is_null(c + 13))
    m.project = Message::ProjectRef{r.get<std::string>(c + 13), r.get<std::string>(c + 14),
                                    r.get<std::string>(c + 15)};
  m.follow_up = r.get<bool>(c + 16);
  const auto attachments = boost::json::parse(r.text(c + 17));
  for (const auto& a : attachments.as_array()) {
    const auto& o = a.as_object();
    m.attachments.push_back(
        {std::string(o.at("id").as_string()), std::string(o.at("name").as_string()),
         std::string(o.at("mimeType").as_string()), o.at("sizeBytes").to_number<std::int64_t>()});
  }
  m.seen = r.get<bool>(c + 18);
  return m;
}

Conversation decode_conversation(const db::Row& r) {
  Conversation c;
  c.id = r.get<std::string>(0);
  c.client = {r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
              r.get<std::string>(4)};
  c.last_message_at = r.get<std::optional<std::string>>(5);
  c.client_read_seq = r.get<std::int64_t>(6);
  c.studio_read_seq = r.get<std::int64_t>(7);
  c.unread_count = r.get<std::int64_t>(8);
  c.follow_up_count = r.get<std::int64_t>(9);
  c.activity_us = r.get<std::int64_t>(10);
  if (!r.is_null(kLastMessage)) c.last_message = decode_message(r, kLastMessage);
  return c;
}

Error no_conversation() {
  return Error::not_found("conversation");
}

}  // namespace

Async<std::optional<Conversation>> MessagesRepository::conversation_of(Db& db,
                                                                       const std::string& client_id,
                                                                       bool viewer_staff) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kConversationOf, db::params(viewer_staff, client_id)));
  if (rows.empty()) co_return std::optional<Conversation>{};
  co_return decode_conversation(rows[0]);
}

Async<Conversation> MessagesRepository::conversation(Db& db, const std::string& id,
                                                     bool viewer_staff) {
  if (!core::is_uuid(id)) co_return no_conversation();
  DECLIC_CO_TRY(auto rows, co_await db.query(kConversation, db::params(viewer_staff, id)));
  if (rows.empty()) co_return no_conversation();
  co_return decode_conversation(rows[0]);
}

Async<bool> MessagesRepository::create_conversation(Db& tx, const std::string& client_id) {
  DECLIC_CO_TRY(auto rows, co_await tx.query(kCreate, db::params(client_id)));
  co_return rows.affected() == 1;
}

Async<ConversationPage> MessagesRepository::inbox(Db& db, const ConversationQuery& q) {
  std::optional<std::string> search;
  if (q.search && !q.search->empty()) search = core::db::like_pattern(*q.search);
  std::optional<std::int64_t> after_key;
  std::optional<std::string> after_id;
  if (q.cursor) {
    after_key = q.cursor->key;
    after_id = q.cursor->id;
  }
  const bool staff = true;
  DECLIC_CO_TRY(auto rows,
                co_await db.query(kInbox, db::params(staff, search, q.unread_only, q.follow_up_only,
                                                     after_key, after_id, q.limit + 1)));
  ConversationPage page;
  for (int i = 0; i < rows.size() && i < q.limit; ++i)
    page.items.push_back(decode_conversation(rows[i]));
  if (rows.size() > q.limit)
    page.next_cursor = core::encode_cursor(page.items.back().activity_us, page.items.back().id);
  co_return page;
}

Async<void> MessagesRepository::lock(Db& tx, const std::string& conversation_id) {
  co_return db::completed(co_await tx.query(kLock, db::params(conversation_id)));
}

Async<MessagesRepository::Inserted> MessagesRepository::insert(Db& tx,
                                                               const std::string& conversation_id,
                                                               const std::string& author_id,
                                                               bool from_staff,
                                                               const NewMessage& m) {
  DECLIC_CO_TRY(auto rows,
                co_await tx.query(kInsert, db::params(conversation_id, author_id, from_staff,
                                                      m.body, m.booking_id, m.project_id)));
  Inserted out{rows[0].get<std::string>(0), rows[0].get<std::int64_t>(1)};
  if (!m.attachment_ids.empty()) {
    auto attached =
        co_await tx.query(kAttach, db::params(out.id, db::array_literal(m.attachment_ids)));
    if (!attached) {  // a file attached to another message already
      if (attached.error().errc == core::Errc::conflict)
        co_return Error::validation(
            {{"attachmentIds", "invalid", "One of these files is already sent."}});
      co_return attached.error();
    }
  }
  DECLIC_CO_TRYV(co_await tx.query(kTouch, db::params(conversation_id, out.seq, from_staff)));
  co_return out;
}

Async<MessagePage> MessagesRepository::messages(Db& db, const std::string& conversation_id,
                                                std::optional<std::int64_t> before_seq, int limit) {
  DECLIC_CO_TRY(auto rows,
                co_await db.query(kMessages, db::params(conversation_id, before_seq, limit + 1)));
  MessagePage page;
  for (int i = 0; i < rows.size() && i < limit; ++i)
    page.items.push_back(decode_message(rows[i], 0));
  if (rows.size() > limit) page.next_cursor = page.items.back().id;
  co_return page;
}

Async<void> MessagesRepository::share_receipts(Db& tx, const std::string& message_id) {
  co_return db::completed(co_await tx.query(kShareReceipts, db::params(message_id)));
}

Async<Message> MessagesRepository::message(Db& db, const std::string& id) {
  if (!core::is_uuid(id)) co_return Error::not_found("message");
  DECLIC_CO_TRY(auto rows, co_await db.query(kMessage, db::params(id)));
  if (rows.empty()) co_return Error::not_found("message");
  co_return decode_message(rows[0], 0);
}

Async<std::optional<std::int64_t>> MessagesRepository::seq_of(Db& db,
                                                              const std::string& conversation_id,
                                                              const std::string& message_id) {
  if (!core::is_uuid(message_id)) co_return std::optional<std::int64_t>{};
  DECLIC_CO_TRY(auto rows, co_await db.query(kSeqOf, db::params(conversation_id, message_id)));
  if (rows.empty()) co_return std::optional<std::int64_t>{};
  co_return rows[0].get<std::int64_t>(0);
}

Async<std::optional<std::int64_t>> MessagesRepository::mark_read(Db& tx,
                                                                 const std::string& conversation_id,
                                                                 bool staff) {
  DECLIC_CO_TRY(auto rows, co_await tx.query(kMarkRead, db::params(conversation_id, staff)));
  if (rows.empty()) co_return std::optional<std::int64_t>{};
  co_return rows[0].get<std::int64_t>(0);
}

Async<std::string> MessagesRepository::set_follow_up(Db& db, const std::string& message_id,
                                                     bool follow_up) {
  if (!core::is_uuid(message_id)) co_return Error::not_found("message");
  DECLIC_CO_TRY(auto rows, co_await db.query(kFollowUp, db::params(message_id, follow_up)));
  if (rows.empty()) co_return Error::not_found("message");
  co_return rows[0].get<std::string>(0);
}

namespace {
SavedReply decode_reply(const db::Row& r) {
  return {r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
          r.get<std::string>(3), r.get<std::string>(4)};
}
Error no_reply() {
  return Error::not_found("saved reply");
}
}  // namespace

Async<std::vector<SavedReply>> MessagesRepository::saved_replies(Db& db) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kReplies));
  std::vector<SavedReply> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(decode_reply(rows[i]));
  co_return out;
}

Async<SavedReply> MessagesRepository::add_saved_reply(Db& db, const std::string& title,
                                                      const std::string& body,
                                                      const std::string& by) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kAddReply, db::params(title, body, by)));
  co_return decode_reply(rows[0]);
}

Async<SavedReply> MessagesRepository::update_saved_reply(Db& db, const std::string& id,
                                                         const std::optional<std::string>& title,
                                                         const std::optional<std::string>& body) {
  if (!core::is_uuid(id)) co_return no_reply();
  DECLIC_CO_TRY(auto rows, co_await db.query(kUpdateReply, db::params(id, title, body)));
  if (rows.empty()) co_return no_reply();
  co_return decode_reply(rows[0]);
}

Async<void> MessagesRepository::remove_saved_reply(Db& db, const std::string& id) {
  if (!core::is_uuid(id)) co_return no_reply();
  DECLIC_CO_TRY(auto rows, co_await db.query(kRemoveReply, db::params(id)));
  if (rows.affected() == 0) co_return no_reply();
  co_return core::Result<void>{};
}

}  // namespace declic::messages
