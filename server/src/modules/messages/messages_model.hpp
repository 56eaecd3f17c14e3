#pragma once
// Messaging: one conversation per client with the studio (the studio as one side: any staff
// member reads and writes for it). Messages are plain text, 1–5000 characters; links are the
// web app's to make clickable, nothing else is interpreted. A message may point at one of the
// client's bookings or projects and carry up to five attachments. Each side's read receipt is
// the last message it has seen.

#include "core/util/cursor.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace declic::messages {

inline constexpr std::size_t kMaxBody = 5000;
inline constexpr std::size_t kMaxAttachments = 5;
inline constexpr std::uint64_t kMaxAttachmentBytes = 25u << 20;

struct Attachment {
  std::string id, name, mime_type;
  std::int64_t size_bytes = 0;
};

struct Message {
  std::string id;
  std::int64_t seq = 0;
  std::string conversation_id;
  std::string body;
  bool from_staff = false;
  struct Author {
    std::string id, first_name, last_name;
  };
  std::optional<Author> author;  // null once that account is gone
  std::string created_at;
  struct BookingRef {
    std::string id, start, status, service_name;
  };
  std::optional<BookingRef> booking;
  struct ProjectRef {
    std::string id, status, service_name;
  };
  std::optional<ProjectRef> project;
  std::vector<Attachment> attachments;
  bool follow_up = false;
  bool seen = false;  // by the other side (the client, or any staff member)
};

struct Conversation {
  std::string id;
  struct {
    std::string id, first_name, last_name, email;
  } client;
  std::optional<std::string> last_message_at;
  std::optional<Message> last_message;
  std::int64_t unread_count = 0;  // for the viewer
  std::int64_t client_read_seq = 0, studio_read_seq = 0;
  std::int64_t follow_up_count = 0;
  std::int64_t activity_us = 0;  // list cursor
};

struct NewMessage {
  std::string body;
  std::optional<std::string> booking_id, project_id;
  std::vector<std::string> attachment_ids;
};

struct ConversationQuery {
  std::optional<std::string> search;
  bool unread_only = false, follow_up_only = false;
  int limit = 50;
  std::optional<core::Cursor> cursor;
};

struct ConversationPage {
  std::vector<Conversation> items;
  std::optional<std::string> next_cursor;
};

struct MessagePage {
  std::vector<Message> items;              // newest first
  std::optional<std::string> next_cursor;  // the id to pass as `before`
};

struct SavedReply {
  std::string id, title, body, created_at, updated_at;
};

}  // namespace declic::messages
