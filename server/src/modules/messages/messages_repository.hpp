#pragma once
#include "core/async.hpp"
#include "core/db/db.hpp"
#include "modules/messages/messages_model.hpp"

namespace declic::messages {

using core::Async;

// SQL for conversations, messages, their attachments and saved replies. Reads join the
// client, the author, the referenced booking or project and its service. `viewer_staff`
// decides whose unread count a conversation carries.
class MessagesRepository {
 public:
  using Db = core::db::Queryable;

  Async<std::optional<Conversation>> conversation_of(Db& db, const std::string& client_id,
                                                     bool viewer_staff);
  Async<Conversation> conversation(Db& db, const std::string& id, bool viewer_staff);  // 404
  // Creates the client's conversation unless it exists; true when created.
  Async<bool> create_conversation(Db& tx, const std::string& client_id);
  Async<ConversationPage> inbox(Db& db, const ConversationQuery& q);
  // The conversation's row locked until the transaction ends.
  Async<void> lock(Db& tx, const std::string& conversation_id);

  struct Inserted {
    std::string id;
    std::int64_t seq = 0;
  };
  Async<Inserted> insert(Db& tx, const std::string& conversation_id, const std::string& author_id,
                         bool from_staff, const NewMessage& m);
  // A conversation's first messages, newest first, older than `before_seq` when set.
  Async<MessagePage> messages(Db& db, const std::string& conversation_id,
                              std::optional<std::int64_t> before_seq, int limit);
  Async<Message> message(Db& db, const std::string& id);  // 404
  // Holds the read receipts of the message's conversation until `tx` ends (FOR SHARE).
  Async<void> share_receipts(Db& tx, const std::string& message_id);
  // The seq of a message of that conversation; nullopt when it is not one of its messages.
  Async<std::optional<std::int64_t>> seq_of(Db& db, const std::string& conversation_id,
                                            const std::string& message_id);
  // Moves the side's read receipt to the newest message; the new seq, or nullopt when it was
  // there already.
  Async<std::optional<std::int64_t>> mark_read(Db& tx, const std::string& conversation_id,
                                               bool staff);
  // The conversation of the message whose flag changed; 404 when no such message.
  Async<std::string> set_follow_up(Db& db, const std::string& message_id, bool follow_up);

  Async<std::vector<SavedReply>> saved_replies(Db& db);
  Async<SavedReply> add_saved_reply(Db& db, const std::string& title, const std::string& body,
                                    const std::string& by);
  Async<SavedReply> update_saved_reply(Db& db, const std::string& id,
                                       const std::optional<std::string>& title,
                                       const std::optional<std::string>& body);  // 404
  Async<void> remove_saved_reply(Db& db, const std::string& id);                 // 404
};

}  // namespace declic::messages
