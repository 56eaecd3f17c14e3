#include "modules/messages/messages_controller.hpp"

#include "core/http/json.hpp"
#include "core/util/uuid.hpp"
#include "modules/messages/messages_json.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

namespace declic::messages {

namespace json = boost::json;
namespace http = core::http;
using core::Error;
using http::JsonReader;
using http::problem;
using http::Request;

namespace {

constexpr std::size_t kTitleMax = 100;

// `name=true|false`, absent = false; anything else is a field error.
bool read_flag(const Request& req, const char* name, std::vector<core::FieldError>& errors) {
  const auto value = req.query_param(name);
  if (!value || value->empty() || *value == "false") return false;
  if (*value != "true") errors.push_back({name, "invalid", "true or false."});
  return *value == "true";
}

// An id as PostgreSQL prints it (lower case), so that it compares equal to ours.
std::optional<std::string> read_id(JsonReader& r, const char* field) {
  auto id = r.optional_string(field, 1, 36);
  if (id && !core::is_uuid(*id)) r.invalid(field, "invalid", "Not an id.");
  if (id)
    std::transform(id->begin(), id->end(), id->begin(),
                   [](unsigned char c) { return std::tolower(c); });
  return id;
}

// X-File-Name, percent-decoded (the browser sends encodeURIComponent(file.name)).
std::string file_name(const Request& req) {
  const auto raw = req.header("x-file-name");
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size() &&
        std::isxdigit(static_cast<unsigned char>(raw[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(raw[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(raw.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += raw[i];
    }
  }
  return out;
}

}  // namespace

LinkFor MessagesController::links() const {
  return [this](const std::string& id) { return service_.attachment_url(id); };
}

http::Reply MessagesController::open(Request& req) {
  std::optional<std::string> client_id;
  if (!req.body.empty()) {
    auto body = http::parse_object(req);
    if (!body) co_return problem(body.error());
    JsonReader r(*body);
    client_id = read_id(r, "clientId");
    if (auto e = r.error()) co_return problem(*e);
  }
  auto opened = co_await service_.open(*req.principal, client_id);
  if (!opened) co_return problem(opened.error());
  co_return http::json_reply(opened->created ? 201 : 200,
                             conversation_json(opened->conversation, *req.principal, links()));
}

http::Reply MessagesController::list(Request& req) {
  ConversationQuery query;
  std::vector<core::FieldError> errors;
  if (auto q = req.query_param("q")) {
    if (http::utf8_length(*q) > 200) errors.push_back({"q", "too_long", "At most 200 characters."});
    query.search = *q;
  }
  query.unread_only = read_flag(req, "unread", errors);
  query.follow_up_only = read_flag(req, "followUp", errors);
  auto page_query = http::read_list_query(req, 100, errors);
  if (!errors.empty()) co_return problem(Error::validation(std::move(errors)));
  query.limit = page_query.limit.value_or(query.limit);
  query.cursor = std::move(page_query.cursor);
  auto page = co_await service_.list(*req.principal, query);
  if (!page) co_return problem(page.error());
  const auto& me = *req.principal;
  const auto link = links();
  co_return http::list_reply(*page,
                             [&](const Conversation& c) { return conversation_json(c, me, link); });
}

http::Reply MessagesController::get(Request& req) {
  auto conversation = co_await service_.get(*req.principal, std::string(req.param("id")));
  if (!conversation) co_return problem(conversation.error());
  co_return http::json_reply(200, conversation_json(*conversation, *req.principal, links()));
}

http::Reply MessagesController::messages(Request& req) {
  std::vector<core::FieldError> errors;
  const auto limit = http::read_limit(req, 100, errors);
  std::optional<std::string> before;
  if (auto b = req.query_param("before"); b && !b->empty()) {
    if (!core::is_uuid(*b)) errors.push_back({"before", "invalid", "A message id."});
    before = *b;
  }
  if (!errors.empty()) co_return problem(Error::validation(std::move(errors)));
  auto page = co_await service_.messages(*req.principal, std::string(req.param("id")), before,
                                         limit.value_or(50));
  if (!page) co_return problem(page.error());
  const auto& me = *req.principal;
  const auto link = links();
  co_return http::list_reply(*page, [&](const Message& m) { return message_json(m, me, link); });
}

http::Reply MessagesController::post(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  NewMessage message;
  auto text = r.required_string("body", 1, kMaxBody);
  message.booking_id = read_id(r, "bookingId");
  message.project_id = read_id(r, "projectId");
  message.attachment_ids =
      r.id_list("attachmentIds", 0, kMaxAttachments).value_or(std::vector<std::string>{});
  if (auto e = r.error()) co_return problem(*e);
  message.body = std::move(*text);
  auto posted =
      co_await service_.post(*req.principal, std::string(req.param("id")), message, req.remote_ip);
  if (!posted) co_return problem(posted.error());
  co_return http::json_reply(201, message_json(*posted, *req.principal, links()));
}

http::Reply MessagesController::read(Request& req) {
  auto done = co_await service_.read(*req.principal, std::string(req.param("id")));
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

// The file as the body, read as it arrives: refused (415) as soon as its first bytes show a
// type that is not allowed, without reading the rest.
http::Reply MessagesController::attach(Request& req, http::BodyReader& body) {
  auto upload = co_await service_.begin_attachment(*req.principal, std::string(req.param("id")));
  if (!upload) co_return problem(upload.error());
  for (;;) {
    auto chunk = co_await body.next();
    if (!chunk) co_return problem(chunk.error());
    if (chunk->empty()) break;
    if (auto written = upload->write(*chunk); !written) co_return problem(written.error());
    if (!MessagesService::plausible_attachment(*upload))
      co_return problem(
          Error::unsupported_media_type("Only PDF, JPEG, PNG and HEIC files can be sent."));
  }
  auto file =
      co_await service_.finish_attachment(*req.principal, std::move(*upload), file_name(req));
  if (!file) co_return problem(file.error());
  co_return http::json_reply(201, attachment_json(*file));
}

http::Reply MessagesController::follow_up(Request& req) {
  const bool flag = req.method == "PUT";
  auto done = co_await service_.follow_up(*req.principal, std::string(req.param("id")), flag);
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

http::Reply MessagesController::saved_replies(Request& req) {
  auto replies = co_await service_.saved_replies(*req.principal);
  if (!replies) co_return problem(replies.error());
  json::array items;
  for (const auto& r : *replies) items.push_back(saved_reply_json(r));
  co_return http::json_reply(200, http::list_body(std::move(items)));
}

http::Reply MessagesController::add_saved_reply(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto title = r.required_string("title", 1, kTitleMax);
  auto text = r.required_string("body", 1, kMaxBody);
  if (auto e = r.error()) co_return problem(*e);
  auto added = co_await service_.add_saved_reply(*req.principal, *title, *text);
  if (!added) co_return problem(added.error());
  co_return http::json_reply(201, saved_reply_json(*added));
}

http::Reply MessagesController::update_saved_reply(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto title = r.optional_string("title", 1, kTitleMax);
  auto text = r.optional_string("body", 1, kMaxBody);
  if (auto e = r.error()) co_return problem(*e);
  auto updated = co_await service_.update_saved_reply(*req.principal, std::string(req.param("id")),
                                                      title, text);
  if (!updated) co_return problem(updated.error());
  co_return http::json_reply(200, saved_reply_json(*updated));
}

http::Reply MessagesController::remove_saved_reply(Request& req) {
  auto done = co_await service_.remove_saved_reply(*req.principal, std::string(req.param("id")));
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

}  // namespace declic::messages
