#pragma once
// Rules for messaging. A client sees and writes in their own conversation only (any other:
// 404); staff in every one, for the studio. A message's references and attachments must be
// the conversation's: a booking or project of its client, files the writer uploaded and has
// not sent yet. Reading moves the reader's side's receipt. Each new message and each read is
// published (messages_events.hpp).

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "core/events/events.hpp"
#include "core/storage/storage.hpp"
#include "modules/bookings/bookings_service.hpp"
#include "modules/files/files_service.hpp"
#include "modules/messages/messages_model.hpp"
#include "modules/projects/projects_service.hpp"
#include "modules/users/users_service.hpp"

#include <memory>

namespace declic::messages {

using core::Async;
using core::auth::Principal;

class MessagesRepository;

class MessagesService {
 public:
  struct Imports {
    users::UsersService& users;
    bookings::BookingsService& bookings;
    projects::ProjectsService& projects;
    files::FilesService& files;
  };
  MessagesService(core::db::Pool& db, core::events::Bus& events, const Imports& imports);
  ~MessagesService();

  struct Opened {
    Conversation conversation;
    bool created = false;
  };
  // The client's conversation, created on first need: a client's own; staff name the client.
  Async<Opened> open(const Principal& me, const std::optional<std::string>& client_id);
  // Staff: the inbox; a client: their conversation, if it exists.
  Async<ConversationPage> list(const Principal& me, const ConversationQuery& query);
  Async<Conversation> get(const Principal& me, const std::string& id);
  Async<MessagePage> messages(const Principal& me, const std::string& conversation_id,
                              const std::optional<std::string>& before, int limit);
  Async<Message> post(const Principal& me, const std::string& conversation_id,
                      const NewMessage& message, const std::string& ip);
  Async<void> read(const Principal& me, const std::string& conversation_id);
  Async<void> follow_up(const Principal& me, const std::string& message_id, bool follow_up);

  // Attachments: the upload is checked against the conversation first, then filled by the
  // caller, then finished (type by content, PDF/JPEG/PNG/HEIC).
  Async<core::storage::Upload> begin_attachment(const Principal& me,
                                                const std::string& conversation_id);
  static bool plausible_attachment(const core::storage::Upload& upload);
  Async<files::StoredFile> finish_attachment(const Principal& me, core::storage::Upload upload,
                                             std::string name);
  // A short-lived link to an attachment's content.
  std::string attachment_url(const std::string& file_id) const;

  Async<std::vector<SavedReply>> saved_replies(const Principal& me);
  Async<SavedReply> add_saved_reply(const Principal& me, const std::string& title,
                                    const std::string& body);
  Async<SavedReply> update_saved_reply(const Principal& me, const std::string& id,
                                       const std::optional<std::string>& title,
                                       const std::optional<std::string>& body);
  Async<void> remove_saved_reply(const Principal& me, const std::string& id);

  // For other modules (notifications), in their transaction: a message as stored, whoever
  // asks. Its conversation's read receipts stay as read until `tx` ends: a read committing
  // meanwhile is seen whole before (`seen`) or after (it then finds what `tx` wrote).
  Async<Message> find(core::db::Queryable& tx, const std::string& id);

 private:
  Async<void> check_references(core::db::Queryable& db, const Principal& me,
                               const Conversation& conversation, const NewMessage& m);

  core::db::Pool& db_;
  core::events::Bus& events_;
  Imports imports_;
  std::unique_ptr<MessagesRepository> repository_;
};

}  // namespace declic::messages
