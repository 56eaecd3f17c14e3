#pragma once
#include "core/auth/principal.hpp"
#include "modules/files/files_model.hpp"
#include "modules/messages/messages_model.hpp"

#include <boost/json/value.hpp>

#include <functional>
#include <string>

namespace declic::messages {

// The short-lived link to an attachment (MessagesService::attachment_url).
using LinkFor = std::function<std::string(const std::string& file_id)>;

// `followUp` is staff information: always false for a client.
boost::json::value message_json(const Message& m, const core::auth::Principal& viewer,
                                const LinkFor& link);
boost::json::value conversation_json(const Conversation& c, const core::auth::Principal& viewer,
                                     const LinkFor& link);
boost::json::value attachment_json(const files::StoredFile& f);
boost::json::value saved_reply_json(const SavedReply& r);

}  // namespace declic::messages
