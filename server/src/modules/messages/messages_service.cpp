#include "modules/messages/messages_service.hpp"

#include "core/error/try.hpp"
#include "modules/messages/messages_events.hpp"
#include "modules/messages/messages_repository.hpp"

#include <algorithm>
#include <set>

namespace declic::messages {

using core::Error;
using core::Result;

namespace {

const std::vector<std::string> kAttachmentTypes{"application/pdf", "image/jpeg", "image/png",
                                                "image/heic"};
constexpr auto kLinkLifetime = std::chrono::minutes(15);

Error no_conversation() {
  return Error::not_found("conversation");
}

Error invalid(const char* field, std::string message) {
  return Error::validation({{field, "invalid", std::move(message)}});
}

}  // namespace

MessagesService::MessagesService(core::db::Pool& db, core::events::Bus& events,
                                 const Imports& imports)
    : db_(db),
      events_(events),
      imports_(imports),
      repository_(std::make_unique<MessagesRepository>()) {}
MessagesService::~MessagesService() = default;

Async<MessagesService::Opened> MessagesService::open(const Principal& me,
                                                     const std::optional<std::string>& client_id) {
  std::string client = me.id();
  if (me.is_staff()) {
    if (!client_id)
      co_return Error::validation({{"clientId", "required", "Staff name the client."}});
    DECLIC_CO_TRY(auto user, co_await imports_.users.find(db_, *client_id));
    if (!user || user->profile.role != core::auth::Role::client)
      co_return Error::validation({{"clientId", "not_client", "Choose a client."}});
    client = *client_id;
  } else if (client_id && *client_id != me.id()) {
    co_return Error::forbidden("A client writes to the studio only.");
  }
  DECLIC_CO_TRY(auto created, co_await repository_->create_conversation(db_, client));
  DECLIC_CO_TRY(auto conversation,
                co_await repository_->conversation_of(db_, client, me.is_staff()));
  if (!conversation) co_return Error::internal("A conversation vanished after its creation.");
  co_return Opened{std::move(*conversation), created};
}

Async<ConversationPage> MessagesService::list(const Principal& me, const ConversationQuery& query) {
  if (me.is_staff()) co_return co_await repository_->inbox(db_, query);
  DECLIC_CO_TRY(auto mine, co_await repository_->conversation_of(db_, me.id(), false));
  ConversationPage page;
  if (mine) page.items.push_back(std::move(*mine));
  co_return page;
}

Async<Conversation> MessagesService::get(const Principal& me, const std::string& id) {
  DECLIC_CO_TRY(auto conversation, co_await repository_->conversation(db_, id, me.is_staff()));
  if (!me.is_staff() && conversation.client.id != me.id()) co_return no_conversation();
  co_return conversation;
}

Async<MessagePage> MessagesService::messages(const Principal& me,
                                             const std::string& conversation_id,
                                             const std::optional<std::string>& before, int limit) {
  DECLIC_CO_TRYV(co_await get(me, conversation_id));
  std::optional<std::int64_t> before_seq;
  if (before) {
    DECLIC_CO_TRY(before_seq, co_await repository_->seq_of(db_, conversation_id, *before));
    if (!before_seq) co_return invalid("before", "Not a message of this conversation.");
  }
  co_return co_await repository_->messages(db_, conversation_id, before_seq, limit);
}

Async<void> MessagesService::check_references(core::db::Queryable& db, const Principal& me,
                                              const Conversation& conversation,
                                              const NewMessage& m) {
  const auto& client = conversation.client.id;
  if (m.booking_id) {
    auto booking = co_await imports_.bookings.find(db, *m.booking_id);
    if (!booking && booking.error().errc != core::Errc::not_found) co_return booking.error();
    if (!booking || booking->client.id != client)
      co_return invalid("bookingId", "Not a booking of this client.");
  }
  if (m.project_id) {
    auto project = co_await imports_.projects.find(db, *m.project_id);
    if (!project && project.error().errc != core::Errc::not_found) co_return project.error();
    if (!project || project->client.id != client)
      co_return invalid("projectId", "Not a project of this client.");
  }
  if (m.attachment_ids.empty()) co_return Result<void>{};
  const std::set<std::string> unique(m.attachment_ids.begin(), m.attachment_ids.end());
  if (unique.size() != m.attachment_ids.size() || unique.size() > kMaxAttachments)
    co_return invalid("attachmentIds", "At most five different files.");
  DECLIC_CO_TRY(auto files, co_await imports_.files.find_many(db, m.attachment_ids));
  const bool all_mine = files.size() == unique.size() &&
                        std::all_of(files.begin(), files.end(), [&](const files::StoredFile& f) {
                          return f.owner_id == me.id() && f.purpose == "attachment";
                        });
  if (!all_mine) co_return invalid("attachmentIds", "Files you uploaded for this message.");
  co_return Result<void>{};
}

Async<Message> MessagesService::post(const Principal& me, const std::string& conversation_id,
                                     const NewMessage& message, const std::string& ip) {
  DECLIC_CO_TRY(auto conversation, co_await get(me, conversation_id));
  DECLIC_CO_TRYV(co_await check_references(db_, me, conversation, message));
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Message> {
    // One writer at a time per conversation: messages take their seq in commit order.
    DECLIC_CO_TRYV(co_await repository_->lock(tx, conversation_id));
    DECLIC_CO_TRY(auto inserted, co_await repository_->insert(tx, conversation_id, me.id(),
                                                              me.is_staff(), message));
    const auto event = created_event(me, conversation_id, conversation.client.id, inserted.id, ip);
    DECLIC_CO_TRYV(co_await events_.publish(tx, event));
    co_return co_await repository_->message(tx, inserted.id);
  });
}

Async<void> MessagesService::read(const Principal& me, const std::string& conversation_id) {
  DECLIC_CO_TRY(auto conversation, co_await get(me, conversation_id));
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRY(auto seq, co_await repository_->mark_read(tx, conversation_id, me.is_staff()));
    if (!seq) co_return Result<void>{};  // nothing new: no receipt to tell
    const auto event = read_event(me, conversation_id, conversation.client.id, *seq);
    co_return co_await events_.publish(tx, event);
  });
}

Async<void> MessagesService::follow_up(const Principal& me, const std::string& message_id,
                                       bool follow_up) {
  if (!me.is_staff()) co_return Error::forbidden();
  DECLIC_CO_TRYV(co_await repository_->set_follow_up(db_, message_id, follow_up));
  co_return Result<void>{};
}

Async<core::storage::Upload> MessagesService::begin_attachment(const Principal& me,
                                                               const std::string& conversation_id) {
  DECLIC_CO_TRYV(co_await get(me, conversation_id));
  co_return imports_.files.begin_upload();
}

bool MessagesService::plausible_attachment(const core::storage::Upload& upload) {
  return files::FilesService::plausible(upload, kAttachmentTypes);
}

Async<files::StoredFile> MessagesService::finish_attachment(const Principal& me,
                                                            core::storage::Upload upload,
                                                            std::string name) {
  co_return co_await imports_.files.finish_upload(me.id(), std::move(upload), std::move(name),
                                                  "attachment", kAttachmentTypes);
}

std::string MessagesService::attachment_url(const std::string& file_id) const {
  return imports_.files.content_url(file_id, kLinkLifetime);
}

Async<std::vector<SavedReply>> MessagesService::saved_replies(const Principal& me) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await repository_->saved_replies(db_);
}

Async<SavedReply> MessagesService::add_saved_reply(const Principal& me, const std::string& title,
                                                   const std::string& body) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await repository_->add_saved_reply(db_, title, body, me.id());
}

Async<SavedReply> MessagesService::update_saved_reply(const Principal& me, const std::string& id,
                                                      const std::optional<std::string>& title,
                                                      const std::optional<std::string>& body) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await repository_->update_saved_reply(db_, id, title, body);
}

Async<void> MessagesService::remove_saved_reply(const Principal& me, const std::string& id) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await repository_->remove_saved_reply(db_, id);
}

Async<Message> MessagesService::find(core::db::Queryable& tx, const std::string& id) {
  DECLIC_CO_TRYV(co_await repository_->share_receipts(tx, id));
  co_return co_await repository_->message(tx, id);
}

}  // namespace declic::messages
