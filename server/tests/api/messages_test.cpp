// Messages through the real server: who reaches which conversation on every route (a client
// only their own, 404 for anyone else's; follow-ups and saved replies for staff only), hostile
// input (a 4xx problem+json that stores nothing), attachments (type told by content, the size
// limit, percent-encoded names, signed links), unread counts and read receipts, the inbox's
// filters and pages, message paging, follow-ups, saved replies, and the events each change
// publishes. On the studio of studio_fixture.hpp. Conversations are one per client, so each
// test signs up clients of its own and depends on nothing another test did.
#include "core/storage/storage.hpp"
#include "studio_fixture.hpp"

#include <sodium.h>

#include <cctype>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <tuple>
#include <utility>
#include <vector>

using namespace declic::test;
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kAttachmentLimit = 25u << 20;  // the upload route's body limit (25 MiB)
const std::string kUnknownId = "00000000-0000-4000-8000-000000000000";

std::string bytes(std::initializer_list<unsigned char> list) {
  return std::string(list.begin(), list.end());
}

// A real 1×1 PNG (the server reads only its signature, but any viewer opens it).
const std::string kPng =
    bytes({0x89, 'P',  'N',  'G',  0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 'I',  'H',
           'D',  'R',  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
           0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 'I',  'D',  'A',  'T',  0x78,
           0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00,
           0x00, 0x00, 0x00, 'I',  'E',  'N',  'D',  0xAE, 0x42, 0x60, 0x82});

// A small PDF whose second line is `mark`, so that two of them never have the same bytes.
std::string pdf(const std::string& mark) {
  return "%PDF-1.4\n%" + mark +
         "\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
}

std::string repeat(const std::string& s, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += s;
  return out;
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The value of query parameter `name` in `url` ("" when absent).
std::string param_of(const std::string& url, const std::string& name) {
  const auto at = url.find(name + "=");
  if (at == std::string::npos) return "";
  const auto start = at + name.size() + 1;
  const auto end = url.find('&', start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// `url` with query parameter `name` set to `value`.
std::string with_param(std::string url, const std::string& name, const std::string& value) {
  const auto at = url.find(name + "=");
  if (at == std::string::npos) return url;
  const auto start = at + name.size() + 1;
  const auto end = url.find('&', start);
  url.replace(start, end == std::string::npos ? std::string::npos : end - start, value);
  return url;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  if (const auto at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// Unix seconds of an RFC 3339 time, whatever its fraction ("…:00Z" and "…:00.000Z" alike).
long long seconds_of(const std::string& rfc3339) {
  const auto t = dtime::parse_rfc3339(rfc3339);
  return t ? static_cast<long long>(t->time_since_epoch().count()) : -1;
}

class Messages : public Studio {
 protected:
  static void SetUpTestSuite() {
    extra_env = {{"HOUSEKEEPING_INTERVAL_MS", "300"}};  // the orphan sweep runs while a test waits
    Studio::SetUpTestSuite();
  }
  // A client of this test alone, findable in the inbox by the local part of their e-mail.
  static StudioAccount new_client(const std::string& tag) {
    return sign_up(*api, unique_name(tag) + "@client.test", kPassword, "en");
  }
  static std::string local_part(const StudioAccount& who) {
    return who.email.substr(0, who.email.find('@'));
  }
  static std::string path(const std::string& conversation, const std::string& tail = "") {
    return "/api/conversations/" + conversation + tail;
  }
  // The client's conversation, opened by the client.
  static std::string conversation_of(const StudioAccount& client) {
    auto r = api->post("/api/conversations", json::object{}, client.token);
    EXPECT_TRUE(r.status() == 200 || r.status() == 201) << r.http.body;
    return r.status() < 300 ? r.str("id") : "";
  }
  static ApiResponse send(const StudioAccount& who, const std::string& conversation,
                          const json::value& message) {
    return api->post(path(conversation, "/messages"), message, who.token);
  }
  // Posts `text`: the message as answered (a 201 is expected).
  static json::object said(const StudioAccount& who, const std::string& conversation,
                           const std::string& text) {
    auto r = send(who, conversation, json::object{{"body", text}});
    EXPECT_EQ(r.status(), 201) << r.http.body;
    return r.status() == 201 ? r.obj() : json::object{};
  }
  static ApiResponse read_all(const StudioAccount& who, const std::string& conversation) {
    return api->call("POST", path(conversation, "/read"), "", who.token);
  }
  static json::object conversation_seen_by(const StudioAccount& who,
                                           const std::string& conversation) {
    auto r = api->get(path(conversation), who.token);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    return r.status() == 200 ? r.obj() : json::object{};
  }
  // `staff`'s inbox searched for `client` (plus `filters`): the client's conversation in it,
  // null when it is not listed.
  static json::value inbox_entry(const StudioAccount& staff, const StudioAccount& client,
                                 const std::string& filters = "") {
    auto r = api->get("/api/conversations?q=" + local_part(client) + filters, staff.token);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    if (r.status() != 200) return nullptr;
    for (const auto& c : r.obj().at("items").as_array())
      if (c.at("client").at("id").as_string() == client.id) return c;
    return nullptr;
  }

  // The raw file as the body, `name` (already percent-encoded) in X-File-Name when not empty.
  static ApiResponse upload(const StudioAccount& who, const std::string& conversation,
                            const std::string& content, const std::string& name,
                            const std::string& type = "application/octet-stream") {
    std::vector<std::string> headers{"Content-Type: " + type};
    if (!name.empty()) headers.push_back("X-File-Name: " + name);
    if (!who.token.empty()) headers.push_back("Authorization: Bearer " + who.token);
    return as_api(
        request(server->port(), "POST", path(conversation, "/attachments"), content, headers));
  }
  static std::string uploaded(const StudioAccount& who, const std::string& conversation,
                              const std::string& content, const std::string& name) {
    auto r = upload(who, conversation, content, name);
    EXPECT_EQ(r.status(), 201) << r.http.body;
    return r.status() == 201 ? r.str("id") : "";
  }
  // An upload's request line and headers, without the blank line that ends them.
  static std::string upload_head(const StudioAccount& who, const std::string& conversation) {
    return "POST " + path(conversation, "/attachments") +
           " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + who.token +
           "\r\nX-File-Name: big.png\r\n";
  }
  // A GET without any header but Host: what an <img src> sends.
  static HttpResponse fetch(const std::string& url) { return request(server->port(), "GET", url); }
  static ApiResponse as_api(HttpResponse http) {
    ApiResponse r{std::move(http), nullptr};
    boost::system::error_code ec;
    auto parsed = json::parse(r.http.body, ec);
    if (!ec) r.json = std::move(parsed);
    return r;
  }

  static std::string id_of(const json::value& v) { return std::string(v.at("id").as_string()); }
  static std::int64_t seq_of(const json::value& v) { return v.at("seq").as_int64(); }
  static std::vector<std::string> ids(const ApiResponse& page) {
    std::vector<std::string> out;
    for (const auto& item : page.obj().at("items").as_array()) out.push_back(id_of(item));
    return out;
  }
  static std::string first_error_code(const ApiResponse& r) {
    if (!r.json.is_object() || !r.obj().contains("errors")) return "";
    return std::string(r.obj().at("errors").as_array().at(0).at("code").as_string());
  }
  // A 422 problem whose first field error is `field` with `code`.
  static void expect_invalid(const ApiResponse& r, const std::string& field,
                             const std::string& code) {
    expect_problem(r, 422, "validation_failed");
    EXPECT_EQ(first_error_field(r), field) << r.http.body;
    EXPECT_EQ(first_error_code(r), code) << r.http.body;
  }

  static int rows_in(const std::string& conversation) {
    return std::stoi(
        one("SELECT count(*) FROM messages WHERE conversation_id = '" + conversation + "'"));
  }
  static int file_rows() { return std::stoi(one("SELECT count(*) FROM files")); }
  // The message.* events about a conversation, in order, comma-separated.
  static std::string message_events(const std::string& conversation) {
    return one(
        "SELECT coalesce(string_agg(type, ',' ORDER BY id), '') FROM events"
        " WHERE subject_id = '" +
        conversation + "' AND type LIKE 'message.%'");
  }

  // The server's file store: server_env gives each server a run folder holding MAIL_DIR and
  // DATA_DIR side by side, and the store keeps its files under DATA_DIR/files. The tests that
  // count on it first check that an accepted upload does appear there.
  static fs::path store_dir() { return fs::path(mail_dir).parent_path() / "data" / "files"; }
  // Regular files in the store, the temporary ones of unfinished uploads included.
  static int stored_files() {
    int n = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(store_dir(), ec), end; !ec && it != end;
         it.increment(ec)) {
      std::error_code entry_ec;
      if (it->is_regular_file(entry_ec)) ++n;
    }
    return n;
  }
  static std::string file_on_disk(const std::string& file_id) {
    const auto key = one("SELECT storage_key FROM files WHERE id = '" + file_id + "'");
    std::ifstream in(store_dir() / key, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
  }
};

}  // namespace

// ---- who may do what ----------------------------------------------------------------------

TEST_F(Messages, OpeningAConversationFollowsWhoAsks) {
  const auto client = new_client("open");
  const auto another = new_client("open_other");
  EXPECT_EQ(api->post("/api/conversations", json::object{}).status(), 401);

  // A client opens their own: created once, then found again (with or without a body).
  auto created = api->post("/api/conversations", json::object{}, client.token);
  ASSERT_EQ(created.status(), 201) << created.http.body;
  const auto id = created.str("id");
  EXPECT_EQ(created.obj().at("client").at("id").as_string(), client.id);
  EXPECT_EQ(created.obj().at("client").at("email").as_string(), client.email);
  EXPECT_TRUE(created.obj().at("lastMessage").is_null());
  EXPECT_TRUE(created.obj().at("lastMessageAt").is_null());
  EXPECT_EQ(created.obj().at("unreadCount").as_int64(), 0);
  auto again = api->call("POST", "/api/conversations", "", client.token);
  ASSERT_EQ(again.status(), 200) << again.http.body;
  EXPECT_EQ(again.str("id"), id);
  auto self_named = api->post("/api/conversations", {{"clientId", client.id}}, client.token);
  EXPECT_EQ(self_named.status(), 200) << self_named.http.body;
  std::string upper = client.id;
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  auto shouted = api->post("/api/conversations", {{"clientId", upper}}, client.token);
  EXPECT_EQ(shouted.status(), 200) << "an id in capitals is the same id: " << shouted.http.body;

  // A client writes to the studio only: naming another client is forbidden, and opens nothing.
  expect_problem(api->post("/api/conversations", {{"clientId", another.id}}, client.token), 403,
                 "forbidden");
  expect_invalid(api->post("/api/conversations", {{"clientId", "not-a-uuid"}}, client.token),
                 "clientId", "invalid");
  EXPECT_EQ(one("SELECT count(*) FROM conversations WHERE client_id = '" + another.id + "'"), "0");

  // Staff name the client: the same conversation for this one, a new one for the other.
  for (const auto* staff : {&pro, &admin}) {
    auto r = api->post("/api/conversations", {{"clientId", client.id}}, staff->token);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    EXPECT_EQ(r.str("id"), id);
  }
  auto opened = api->post("/api/conversations", {{"clientId", another.id}}, pro.token);
  EXPECT_EQ(opened.status(), 201) << opened.http.body;
  EXPECT_EQ(opened.obj().at("client").at("id").as_string(), another.id);

  // Staff must name a client, and a client only.
  expect_invalid(api->post("/api/conversations", json::object{}, pro.token), "clientId",
                 "required");
  expect_invalid(api->post("/api/conversations", {{"clientId", kUnknownId}}, pro.token), "clientId",
                 "not_client");
  expect_invalid(api->post("/api/conversations", {{"clientId", pro.id}}, admin.token), "clientId",
                 "not_client");
  expect_invalid(api->post("/api/conversations", {{"clientId", admin.id}}, pro.token), "clientId",
                 "not_client");
  expect_problem(api->post("/api/conversations", {{"clientId", 42}}, pro.token), 400,
                 "invalid_type");
  expect_problem(api->call("POST", "/api/conversations", "{\"clientId\":", pro.token), 400,
                 "malformed_json");
  EXPECT_EQ(one("SELECT count(*) FROM conversations WHERE client_id IN ('" + pro.id + "', '" +
                admin.id + "')"),
            "0");
}

TEST_F(Messages, AClientListsOnlyTheirConversationAndStaffListEveryOne) {
  const auto first = new_client("list_a");
  const auto second = new_client("list_b");
  const auto nobody_yet = new_client("list_none");
  const auto a = conversation_of(first);
  const auto b = conversation_of(second);
  EXPECT_EQ(api->get("/api/conversations").status(), 401);

  // Opened but silent: the client sees it, the inbox (conversations with messages) does not.
  auto mine = api->get("/api/conversations", first.token);
  ASSERT_EQ(mine.status(), 200) << mine.http.body;
  EXPECT_EQ(ids(mine), std::vector<std::string>{a});
  EXPECT_TRUE(mine.obj().at("nextCursor").is_null());
  EXPECT_TRUE(inbox_entry(pro, first).is_null());
  auto none = api->get("/api/conversations", nobody_yet.token);
  ASSERT_EQ(none.status(), 200) << none.http.body;
  EXPECT_TRUE(none.obj().at("items").as_array().empty());

  said(first, a, "Bonjour");
  said(second, b, "Hello");
  // Each client: their own conversation only, even when searching for the other one.
  for (const auto& [client, own, theirs] :
       {std::tuple{first, a, second}, std::tuple{second, b, first}}) {
    auto r = api->get("/api/conversations?q=" + local_part(theirs), client.token);
    ASSERT_EQ(r.status(), 200) << r.http.body;
    EXPECT_EQ(ids(r), std::vector<std::string>{own});
  }
  // Staff, both roles: every conversation.
  for (const auto* staff : {&pro, &admin}) {
    const auto entry_a = inbox_entry(*staff, first);
    const auto entry_b = inbox_entry(*staff, second);
    ASSERT_FALSE(entry_a.is_null());
    ASSERT_FALSE(entry_b.is_null());
    EXPECT_EQ(entry_a.at("id").as_string(), a);
    EXPECT_EQ(entry_b.at("id").as_string(), b);
  }

  // Filters that mean nothing are refused.
  expect_invalid(api->get("/api/conversations?unread=yes", pro.token), "unread", "invalid");
  expect_invalid(api->get("/api/conversations?followUp=1", pro.token), "followUp", "invalid");
  expect_invalid(api->get("/api/conversations?limit=0", pro.token), "limit", "invalid");
  expect_invalid(api->get("/api/conversations?cursor=nope", pro.token), "cursor", "invalid");
  expect_invalid(api->get("/api/conversations?q=" + std::string(201, 'a'), pro.token), "q",
                 "too_long");
  EXPECT_EQ(api->get("/api/conversations?q=" + std::string(200, 'a'), pro.token).status(), 200);
}

TEST_F(Messages, AnotherClientsConversationIsNotFoundOnEveryRoute) {
  const auto client = new_client("mine");
  const auto intruder = new_client("intruder");
  const StudioAccount nobody{};
  const auto conversation = conversation_of(client);
  const auto first = said(client, conversation, "Mes photos ?");
  // Every route of a conversation for one caller: GET it, GET and POST its messages, read it,
  // attach to it.
  const auto statuses = [&](const StudioAccount& who, const std::string& id) {
    return std::vector<int>{
        api->get(path(id), who.token).status(), api->get(path(id, "/messages"), who.token).status(),
        send(who, id, {{"body", "Coucou"}}).status(), read_all(who, id).status(),
        upload(who, id, kPng, "photo.png").status()};
  };
  const auto rows = rows_in(conversation);
  const auto files = file_rows();
  EXPECT_EQ(statuses(intruder, conversation), std::vector<int>(5, 404));
  EXPECT_EQ(statuses(nobody, conversation), std::vector<int>(5, 401));
  EXPECT_EQ(statuses(client, kUnknownId), std::vector<int>(5, 404));
  EXPECT_EQ(statuses(pro, "not-a-uuid"), std::vector<int>(5, 404));
  expect_problem(api->get(path(conversation), intruder.token), 404, "not_found");
  // The refusals wrote nothing and moved no read receipt.
  EXPECT_EQ(rows_in(conversation), rows);
  EXPECT_EQ(file_rows(), files);
  EXPECT_EQ(one("SELECT client_read_seq || '|' || staff_read_seq FROM conversations WHERE id = '" +
                conversation + "'"),
            std::to_string(seq_of(first)) + "|0");

  // The client, and staff of both roles, may use every route.
  const std::vector<int> allowed{200, 200, 201, 204, 201};
  EXPECT_EQ(statuses(client, conversation), allowed);
  EXPECT_EQ(statuses(pro, conversation), allowed);
  EXPECT_EQ(statuses(admin, conversation), allowed);
}

TEST_F(Messages, FollowUpsAndSavedRepliesAreForStaffOnly) {
  const auto client = new_client("staff_only");
  const StudioAccount nobody{};
  const auto conversation = conversation_of(client);
  const auto message = id_of(said(client, conversation, "À rappeler"));
  const auto flag = "/api/messages/" + message + "/follow-up";
  const auto title = unique_name("Merci");
  auto reply = api->post("/api/saved-replies", {{"title", title}, {"body", "Merci !"}}, pro.token);
  ASSERT_EQ(reply.status(), 201) << reply.http.body;
  const auto reply_path = "/api/saved-replies/" + reply.str("id");
  const auto statuses = [&](const StudioAccount& who) {
    return std::vector<int>{
        api->call("PUT", flag, "", who.token).status(),
        api->call("DELETE", flag, "", who.token).status(),
        api->get("/api/saved-replies", who.token).status(),
        api->post("/api/saved-replies", {{"title", "Pirate"}, {"body", "B"}}, who.token).status(),
        api->patch(reply_path, {{"title", "Pirate"}}, who.token).status(),
        api->call("DELETE", reply_path, "", who.token).status()};
  };
  EXPECT_EQ(statuses(nobody), std::vector<int>(6, 401));
  EXPECT_EQ(statuses(client), std::vector<int>(6, 403));  // even on the client's own message
  EXPECT_EQ(statuses(other), std::vector<int>(6, 403));
  expect_problem(api->call("PUT", flag, "", client.token), 403, "forbidden");
  // The refusals changed nothing.
  EXPECT_EQ(one("SELECT follow_up FROM messages WHERE id = '" + message + "'"), "f");
  EXPECT_EQ(one("SELECT title FROM saved_replies WHERE id = '" + reply.str("id") + "'"), title);
  EXPECT_EQ(one("SELECT count(*) FROM saved_replies WHERE title = 'Pirate'"), "0");

  for (const auto* staff : {&pro, &admin}) {
    EXPECT_EQ(api->call("PUT", flag, "", staff->token).status(), 204);
    EXPECT_EQ(api->call("DELETE", flag, "", staff->token).status(), 204);
    EXPECT_EQ(api->get("/api/saved-replies", staff->token).status(), 200);
  }
}

// ---- bad input ----------------------------------------------------------------------------

TEST_F(Messages, BadMessagesAreProblemsAndStoreNothing) {
  const auto client = new_client("bad");
  const auto stranger = new_client("bad_stranger");
  const auto conversation = conversation_of(client);
  // What belongs to someone else: a booking, a project, an uploaded file.
  const int day = fresh_day();
  const auto their_booking = booked(stranger, at(day, 11));
  auto confirmed = act(booked(stranger, at(day, 14)), "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200) << confirmed.http.body;
  const auto their_project = std::string(confirmed.obj().at("projectId").as_string());
  const auto their_file = uploaded(stranger, conversation_of(stranger), kPng, "theirs.png");
  const auto rows = rows_in(conversation);
  const auto raw = [&](const std::string& body) {
    return api->call("POST", path(conversation, "/messages"), body, client.token);
  };
  const auto hello_with = [](const std::string& field, json::value value) {
    json::object message{{"body", "Bonjour"}};
    message[field] = std::move(value);
    return message;
  };

  // No text, or only blanks.
  expect_problem(raw(""), 415, "unsupported_media_type");  // no body: no JSON content type
  expect_invalid(send(client, conversation, json::object{}), "body", "required");
  expect_invalid(send(client, conversation, {{"body", nullptr}}), "body", "required");
  expect_invalid(send(client, conversation, {{"body", ""}}), "body", "required");
  expect_invalid(send(client, conversation, {{"body", "  \n\t   "}}), "body", "required");
  // Too long, counted in characters: 5001 "é" (10002 bytes) like 5001 "a".
  expect_invalid(send(client, conversation, {{"body", repeat("é", 5001)}}), "body", "too_long");
  expect_invalid(send(client, conversation, {{"body", std::string(5001, 'a')}}), "body",
                 "too_long");
  // Not JSON, or JSON of the wrong types.
  expect_problem(raw("{\"body\": \"Bonjour\""), 400, "malformed_json");
  expect_problem(raw("[\"Bonjour\"]"), 400, "malformed_json");
  auto number = send(client, conversation, {{"body", 12}});
  expect_problem(number, 400, "invalid_type");
  EXPECT_EQ(first_error_field(number), "body");
  expect_problem(send(client, conversation, hello_with("projectId", 7)), 400, "invalid_type");
  // attachmentIds: a list (400 otherwise) of at most five ids.
  json::array six;
  for (int i = 0; i < 6; ++i)
    six.emplace_back(json::string_view("00000000-0000-4000-8000-00000000000" + std::to_string(i)));
  expect_problem(send(client, conversation, hello_with("attachmentIds", "x")), 400, "invalid_type");
  expect_problem(send(client, conversation, hello_with("attachmentIds", json::array{12})), 400,
                 "invalid_type");
  expect_invalid(send(client, conversation, hello_with("attachmentIds", six)), "attachmentIds",
                 "invalid");
  expect_invalid(send(client, conversation, hello_with("bookingId", "not-a-uuid")), "bookingId",
                 "invalid");
  expect_invalid(send(client, conversation, hello_with("projectId", "not-a-uuid")), "projectId",
                 "invalid");
  // References that are not this client's.
  expect_invalid(
      send(client, conversation, hello_with("bookingId", json::string_view(their_booking))),
      "bookingId", "invalid");
  expect_invalid(send(client, conversation, hello_with("bookingId", json::string_view(kUnknownId))),
                 "bookingId", "invalid");
  expect_invalid(
      send(client, conversation, hello_with("projectId", json::string_view(their_project))),
      "projectId", "invalid");
  expect_invalid(send(client, conversation,
                      hello_with("attachmentIds", json::array{json::string_view(their_file)})),
                 "attachmentIds", "invalid");
  // None of it was stored, and the stranger's file is still unsent.
  EXPECT_EQ(rows_in(conversation), rows);
  EXPECT_EQ(one("SELECT count(*) FROM message_files WHERE file_id = '" + their_file + "'"), "0");

  // The limit itself is fine: 5000 characters, however many bytes, and counted after trimming.
  auto longest = send(client, conversation, {{"body", repeat("é", 5000)}});
  ASSERT_EQ(longest.status(), 201) << longest.http.body;
  EXPECT_EQ(one("SELECT length(body) || '|' || octet_length(body) FROM messages WHERE id = '" +
                longest.str("id") + "'"),
            "5000|10000");
  auto padded = send(client, conversation, {{"body", "  " + std::string(5000, 'a') + "\n"}});
  ASSERT_EQ(padded.status(), 201) << padded.http.body;
  EXPECT_EQ(padded.str("body"), std::string(5000, 'a'));
  EXPECT_EQ(rows_in(conversation), rows + 2);
}

TEST_F(Messages, AMessageCanPointAtTheClientsBookingOrProject) {
  const auto client = new_client("refs");
  const auto conversation = conversation_of(client);
  const int day = fresh_day();
  const auto booking = booked(client, at(day, 10));
  auto confirmed = act(booked(client, at(day, 15)), "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200) << confirmed.http.body;
  const auto project = std::string(confirmed.obj().at("projectId").as_string());

  auto about_booking =
      send(client, conversation, {{"body", "Pour ce rendez-vous"}, {"bookingId", booking}});
  ASSERT_EQ(about_booking.status(), 201) << about_booking.http.body;
  const auto& card = about_booking.obj().at("booking");
  EXPECT_EQ(card.at("id").as_string(), booking);
  EXPECT_EQ(seconds_of(std::string(card.at("start").as_string())), seconds_of(at(day, 10)));
  EXPECT_EQ(card.at("status").as_string(), "PENDING");
  EXPECT_EQ(card.at("serviceName").as_string(), "Portrait");
  EXPECT_TRUE(about_booking.obj().at("project").is_null());
  EXPECT_FALSE(about_booking.obj().at("fromStaff").as_bool());
  EXPECT_EQ(about_booking.obj().at("author").at("id").as_string(), client.id);

  auto about_project =
      send(pro, conversation, {{"body", "Vos photos arrivent"}, {"projectId", project}});
  ASSERT_EQ(about_project.status(), 201) << about_project.http.body;
  EXPECT_EQ(about_project.obj().at("project").at("id").as_string(), project);
  EXPECT_EQ(about_project.obj().at("project").at("status").as_string(), "CONFIRMED");
  EXPECT_EQ(about_project.obj().at("project").at("serviceName").as_string(), "Portrait");
  EXPECT_TRUE(about_project.obj().at("booking").is_null());
  EXPECT_TRUE(about_project.obj().at("fromStaff").as_bool());
  EXPECT_EQ(about_project.obj().at("author").at("id").as_string(), pro.id);

  // The cards come with the messages when listed, too (newest first).
  auto listed = api->get(path(conversation, "/messages"), client.token);
  ASSERT_EQ(listed.status(), 200) << listed.http.body;
  const auto& items = listed.obj().at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items.at(0).at("project").at("id").as_string(), project);
  EXPECT_EQ(items.at(1).at("booking").at("id").as_string(), booking);
}

// ---- attachments --------------------------------------------------------------------------

TEST_F(Messages, AttachmentsTravelWithTheMessageBehindSignedLinks) {
  const auto client = new_client("attach");
  const auto conversation = conversation_of(client);
  const auto document = pdf(unique_name("devis"));
  auto image = upload(client, conversation, kPng, "photo.png", "image/png");
  ASSERT_EQ(image.status(), 201) << image.http.body;
  EXPECT_EQ(image.str("name"), "photo.png");
  EXPECT_EQ(image.str("mimeType"), "image/png");
  EXPECT_EQ(image.obj().at("sizeBytes").as_int64(), static_cast<std::int64_t>(kPng.size()));
  EXPECT_FALSE(image.obj().contains("url"));  // links come with the message that carries it
  auto doc = upload(client, conversation, document, "devis.pdf", "application/pdf");
  ASSERT_EQ(doc.status(), 201) << doc.http.body;
  EXPECT_EQ(doc.str("mimeType"), "application/pdf");
  const auto image_id = image.str("id");
  const auto doc_id = doc.str("id");
  // Recorded for its uploader; the bytes on disk exactly those sent.
  EXPECT_EQ(one("SELECT owner_id || '|' || purpose || '|' || size_bytes FROM files WHERE id = '" +
                image_id + "'"),
            client.id + "|attachment|" + std::to_string(kPng.size()));
  EXPECT_EQ(file_on_disk(image_id), kPng);
  EXPECT_EQ(file_on_disk(doc_id), document);

  auto sent = send(
      client, conversation,
      {{"body", "Voici la photo et le devis"},
       {"attachmentIds", json::array{json::string_view(image_id), json::string_view(doc_id)}}});
  ASSERT_EQ(sent.status(), 201) << sent.http.body;
  const auto& attachments = sent.obj().at("attachments").as_array();
  ASSERT_EQ(attachments.size(), 2u);
  EXPECT_EQ(id_of(attachments[0]), image_id);
  EXPECT_EQ(id_of(attachments[1]), doc_id);
  EXPECT_EQ(attachments[0].at("name").as_string(), "photo.png");
  EXPECT_EQ(attachments[1].at("mimeType").as_string(), "application/pdf");
  EXPECT_EQ(attachments[1].at("sizeBytes").as_int64(), static_cast<std::int64_t>(document.size()));
  const std::string image_url(attachments[0].at("url").as_string());
  const std::string doc_url(attachments[1].at("url").as_string());
  EXPECT_TRUE(image_url.starts_with("/api/files/" + image_id + "/content?variant=original&exp="))
      << image_url;
  // Short-lived: it expires 15 minutes from now.
  const auto now = static_cast<long long>(std::time(nullptr));
  const auto exp = std::stoll(param_of(image_url, "exp"));
  EXPECT_GE(exp, now + 14 * 60);
  EXPECT_LE(exp, now + 15 * 60 + 5);

  // The link alone, without Authorization, gives the exact bytes, typed by their content.
  const auto got = fetch(image_url);
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.body, kPng);
  EXPECT_EQ(got.header("content-type"), "image/png");
  EXPECT_EQ(got.header("x-content-type-options"), "nosniff");
  EXPECT_NE(got.header("content-disposition").find("filename=\"photo.png\""), std::string::npos)
      << got.header("content-disposition");
  const auto got_doc = fetch(doc_url);
  EXPECT_EQ(got_doc.status, 200);
  EXPECT_EQ(got_doc.body, document);
  EXPECT_EQ(got_doc.header("content-type"), "application/pdf");
  // Staff listing the conversation get working links to the same file.
  auto listed = api->get(path(conversation, "/messages"), pro.token);
  ASSERT_EQ(listed.status(), 200) << listed.http.body;
  const auto& first = listed.obj().at("items").as_array().at(0);
  EXPECT_EQ(fetch(std::string(first.at("attachments").as_array().at(0).at("url").as_string())).body,
            kPng);

  // Any change to a link breaks it.
  auto sig = param_of(image_url, "sig");
  ASSERT_FALSE(sig.empty());
  sig.back() = sig.back() == 'A' ? 'B' : 'A';
  for (const auto& forged :
       {with_param(image_url, "sig", sig), with_param(image_url, "exp", std::to_string(exp + 1)),
        with_param(image_url, "variant", "thumbnail"), with_param(image_url, "sig", ""),
        replaced(image_url, image_id, doc_id), "/api/files/" + image_id + "/content"}) {
    SCOPED_TRACE(forged);
    expect_problem(as_api(fetch(forged)), 403, "forbidden");
  }
}

TEST_F(Messages, AnUploadNoMessageTookIsSweptAfterADay) {
  const auto client = new_client("orphans");
  const auto conversation = conversation_of(client);
  const auto kept = uploaded(client, conversation, kPng, "sent.png");
  const auto abandoned = uploaded(client, conversation, kPng, "abandoned.png");
  const auto fresh = uploaded(client, conversation, kPng, "still-typing.png");
  ASSERT_EQ(send(client, conversation, {{"body", "La photo"}, {"attachmentIds", {kept}}}).status(),
            201);
  ASSERT_EQ(file_on_disk(abandoned), kPng);
  const auto abandoned_key = one("SELECT storage_key FROM files WHERE id = '" + abandoned + "'");
  one("UPDATE files SET created_at = now() - interval '2 days' WHERE id IN ('" + kept + "', '" +
      abandoned + "')");
  EXPECT_TRUE(eventually(
      [&] { return one("SELECT count(*) FROM files WHERE id = '" + abandoned + "'") == "0"; }));
  EXPECT_FALSE(fs::exists(store_dir() / abandoned_key)) << "its bytes went with its row";
  EXPECT_EQ(file_on_disk(kept), kPng);
  EXPECT_EQ(file_on_disk(fresh), kPng);
}

TEST_F(Messages, ALinkIsValidOnlyAsSignedAndUntilItExpires) {
  ASSERT_GE(sodium_init(), 0);
  const auto client = new_client("expiry");
  const auto file = uploaded(client, conversation_of(client), kPng, "photo.png");
  // Links signed here as the server signs them (its link key derives from JWT_SECRET): the
  // fresh one works, so the expired one is refused for its expiry alone.
  const declic::core::storage::LinkSigner signer(kTestJwtSecret);
  const auto link = [&](const std::string& id, std::int64_t exp) {
    return "/api/files/" + id + "/content?variant=original&exp=" + std::to_string(exp) +
           "&sig=" + signer.sign(id + ":original", exp);
  };
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  const auto fresh = fetch(link(file, now + 60));
  EXPECT_EQ(fresh.status, 200);
  EXPECT_EQ(fresh.body, kPng);
  expect_problem(as_api(fetch(link(file, now - 60))), 403, "forbidden");
  expect_problem(as_api(fetch(link(file, now - 1))), 403, "forbidden");
  // A valid signature for a file that does not exist.
  expect_problem(as_api(fetch(link(kUnknownId, now + 60))), 404, "not_found");
}

TEST_F(Messages, TheTypeIsToldByContentNotByNameOrHeader) {
  const auto client = new_client("types");
  const auto conversation = conversation_of(client);
  const auto jpeg = bytes({0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01}) +
                    std::string(100, '\0');
  const auto heic = bytes({0x00, 0x00, 0x00, 0x18}) + "ftypheic" + bytes({0x00, 0x00, 0x00, 0x00}) +
                    "mif1heic" + std::string(100, '\0');
  struct Case {
    std::string content, name, declared, expected;
  };
  const std::vector<Case> cases{
      {jpeg, "scan.pdf", "application/pdf", "image/jpeg"},
      {heic, "IMG_0001.HEIC", "application/octet-stream", "image/heic"},
      {kPng, "photo.jpg", "image/jpeg", "image/png"},
      {pdf(unique_name("notes")), "notes.txt", "text/plain", "application/pdf"}};
  for (const auto& c : cases) {
    auto r = upload(client, conversation, c.content, c.name, c.declared);
    ASSERT_EQ(r.status(), 201) << c.name << ": " << r.http.body;
    EXPECT_EQ(r.str("mimeType"), c.expected) << c.name;
    EXPECT_EQ(r.str("name"), c.name);  // the name is kept, whatever it claims
    EXPECT_EQ(r.obj().at("sizeBytes").as_int64(), static_cast<std::int64_t>(c.content.size()));
  }
}

TEST_F(Messages, ForgedTypesAreRefusedAndLeaveNothingBehind) {
  const auto client = new_client("forged");
  const auto conversation = conversation_of(client);
  const auto empty_store = stored_files();
  uploaded(client, conversation, pdf(unique_name("control")), "control.pdf");
  ASSERT_EQ(stored_files(), empty_store + 1) << "no stored file appeared under " << store_dir();
  const auto files = file_rows();
  const auto stored = stored_files();
  const std::vector<std::pair<std::string, std::string>> forgeries{
      {"photo.jpg", "Just some text, nothing like a JPEG at all."},
      {"photo.png",  // a Windows program
       bytes({'M', 'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF}) +
           std::string(200, '\0')},
      {"photo.webp",  // an image the server knows, but not one of the four
       "RIFF" + bytes({0x24, 0x00, 0x00, 0x00}) + "WEBPVP8 " + std::string(100, '\0')},
      {"scan.pdf", "<!DOCTYPE html><script>alert(1)</script>"},
      {"tiny.png", "GIF89a"},  // too short to tell early: refused once whole
      {"empty.pdf", ""},
  };
  for (const auto& [name, content] : forgeries) {
    SCOPED_TRACE(name);
    expect_problem(upload(client, conversation, content, name, "image/jpeg"), 415,
                   "unsupported_media_type");
  }
  EXPECT_EQ(file_rows(), files);
  EXPECT_TRUE(eventually([&] { return stored_files() == stored; }))
      << stored_files() << " files in the store, " << stored << " before";
}

TEST_F(Messages, AnAttachmentOverTheLimitIsRefusedAndLeavesNothingBehind) {
  const auto client = new_client("big");
  const auto conversation = conversation_of(client);
  const auto empty_store = stored_files();
  uploaded(client, conversation, kPng, "control.png");
  ASSERT_EQ(stored_files(), empty_store + 1) << "no stored file appeared under " << store_dir();
  const auto files = file_rows();
  const auto stored = stored_files();

  // Declared one byte too long: refused from the headers, before any of the body is read.
  HttpConnection declared(server->port());
  declared.send(upload_head(client, conversation) +
                "Content-Length: " + std::to_string(kAttachmentLimit + 1) + "\r\n\r\n");
  auto early = declared.read();
  ASSERT_TRUE(early);
  expect_problem(as_api(*early), 413, "payload_too_large");

  // Not declared (chunked): a PNG read and written up to the limit, then one byte more.
  constexpr std::size_t kMiB = 1u << 20;
  const std::string filler(kMiB, 'x');
  std::string raw = upload_head(client, conversation) + "Transfer-Encoding: chunked\r\n\r\n";
  raw.reserve(raw.size() + kAttachmentLimit + kAttachmentLimit / kMiB * 16 + 32);
  for (std::size_t sent = 0; sent < kAttachmentLimit; sent += kMiB) {
    raw += "100000\r\n";  // 1 MiB
    raw += sent == 0 ? kPng + filler.substr(kPng.size()) : filler;
    raw += "\r\n";
  }
  raw += "1\r\nx\r\n0\r\n\r\n";
  HttpConnection streamed(server->port());
  try {
    streamed.send(raw);
  } catch (const std::exception&) {
    // The server may stop reading once it has refused: its answer is on its way anyway.
  }
  auto late = streamed.read(std::chrono::seconds(60));
  ASSERT_TRUE(late);
  expect_problem(as_api(*late), 413, "payload_too_large");

  // No record, and the partial file is gone from the store.
  EXPECT_EQ(file_rows(), files);
  EXPECT_TRUE(eventually([&] { return stored_files() == stored; }))
      << stored_files() << " files in the store, " << stored << " before";
}

TEST_F(Messages, FileNamesArePercentDecodedAndMadeSafe) {
  const auto client = new_client("names");
  const auto conversation = conversation_of(client);
  const auto name_of = [&](const std::string& header) {
    auto r = upload(client, conversation, kPng, header);
    EXPECT_EQ(r.status(), 201) << header << ": " << r.http.body;
    return r.status() == 201 ? r.str("name") : std::string();
  };
  EXPECT_EQ(name_of("%C3%A9t%C3%A9.png"), "été.png");
  EXPECT_EQ(name_of("Photo%20de%20famille%20%231.png"), "Photo de famille #1.png");
  EXPECT_EQ(name_of("100%.png"), "100%.png");              // a lone % stays as it is
  EXPECT_EQ(name_of("..%2F..%2Fetc%2Fpasswd"), "passwd");  // the last component only
  EXPECT_EQ(name_of("C%3A%5CUsers%5Czoe%5Cphoto.png"), "photo.png");
  EXPECT_EQ(name_of("%2E%2E%2Ehidden.png"), "hidden.png");  // no leading dots
  EXPECT_EQ(name_of("a%22b%0D%0Ac.png"), "abc.png");        // no quote, no control byte
  EXPECT_EQ(name_of("%FFph%C3oto.png"), "photo.png");       // bytes that are not UTF-8 dropped
  EXPECT_EQ(name_of(""), "file");                           // no X-File-Name at all

  // The decoded name goes back out in Content-Disposition, with an ASCII fallback.
  const auto file = uploaded(client, conversation, kPng, "%C3%A9t%C3%A9.png");
  auto sent = send(client, conversation,
                   {{"body", "L'été"}, {"attachmentIds", json::array{json::string_view(file)}}});
  ASSERT_EQ(sent.status(), 201) << sent.http.body;
  const auto got =
      fetch(std::string(sent.obj().at("attachments").as_array().at(0).at("url").as_string()));
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.header("content-disposition"),
            "attachment; filename=\"__t__.png\"; filename*=UTF-8''%C3%A9t%C3%A9.png");
}

TEST_F(Messages, AnAttachmentIsSentOnceAndOnlyByItsUploader) {
  const auto client = new_client("once");
  const auto stranger = new_client("once_stranger");
  const auto conversation = conversation_of(client);
  std::vector<std::string> five;
  for (int i = 1; i <= 5; ++i)
    five.push_back(uploaded(client, conversation, kPng, "photo" + std::to_string(i) + ".png"));
  const auto sixth = uploaded(client, conversation, kPng, "photo6.png");
  const auto staff_file = uploaded(pro, conversation, kPng, "pro.png");
  const auto their_file = uploaded(stranger, conversation_of(stranger), kPng, "theirs.png");
  const auto with_files = [&](const StudioAccount& who, const std::vector<std::string>& files) {
    json::array list;
    for (const auto& f : files) list.emplace_back(json::string_view(f));
    return send(who, conversation, {{"body", "Les photos"}, {"attachmentIds", list}});
  };
  const auto rows = rows_in(conversation);

  // Six at once, the same one twice, someone else's, or none that exists: refused.
  auto six = five;
  six.push_back(sixth);
  expect_invalid(with_files(client, six), "attachmentIds", "invalid");
  expect_invalid(with_files(client, {five[0], five[0]}), "attachmentIds", "invalid");
  expect_invalid(with_files(client, {staff_file}), "attachmentIds", "invalid");
  expect_invalid(with_files(client, {five[0], their_file}), "attachmentIds", "invalid");
  expect_invalid(with_files(client, {kUnknownId}), "attachmentIds", "invalid");
  expect_invalid(with_files(pro, {five[0]}), "attachmentIds", "invalid");
  EXPECT_EQ(rows_in(conversation), rows);

  // Five, in the order given.
  const std::vector<std::string> order{five[3], five[0], five[4], five[1], five[2]};
  auto sent = with_files(client, order);
  ASSERT_EQ(sent.status(), 201) << sent.http.body;
  std::vector<std::string> carried;
  for (const auto& a : sent.obj().at("attachments").as_array()) carried.push_back(id_of(a));
  EXPECT_EQ(carried, order);

  // Once sent, a file is spent, even beside an unsent one; the refused message takes nothing.
  expect_invalid(with_files(client, {five[2]}), "attachmentIds", "invalid");
  expect_invalid(with_files(client, {sixth, five[0]}), "attachmentIds", "invalid");
  EXPECT_EQ(rows_in(conversation), rows + 1);
  EXPECT_EQ(one("SELECT count(*) FROM message_files WHERE file_id = '" + sixth + "'"), "0");
  EXPECT_EQ(with_files(client, {sixth}).status(), 201);
  EXPECT_EQ(with_files(pro, {staff_file}).status(), 201);  // staff send their own files
}

// ---- unread counts, receipts and the inbox -------------------------------------------------

TEST_F(Messages, UnreadCountsAndReadReceiptsFollowEachSide) {
  const auto client = new_client("unread");
  const auto conversation = conversation_of(client);
  said(client, conversation, "Bonjour");
  const auto newest = said(client, conversation, "Vous êtes là ?");

  // Two unread for the studio (any staff member), the newest shown; none for their writer.
  for (const auto* staff : {&pro, &admin}) {
    const auto entry = inbox_entry(*staff, client);
    ASSERT_TRUE(entry.is_object()) << "not in the inbox";
    EXPECT_EQ(entry.at("id").as_string(), conversation);
    EXPECT_EQ(entry.at("unreadCount").as_int64(), 2);
    EXPECT_EQ(id_of(entry.at("lastMessage")), id_of(newest));
    EXPECT_EQ(entry.at("lastMessage").at("body").as_string(), "Vous êtes là ?");
    EXPECT_FALSE(entry.at("lastMessageAt").is_null());
  }
  auto mine = conversation_seen_by(client, conversation);
  EXPECT_EQ(mine.at("unreadCount").as_int64(), 0);
  EXPECT_EQ(mine.at("clientReadSeq").as_int64(), seq_of(newest));
  EXPECT_EQ(mine.at("studioReadSeq").as_int64(), 0);
  EXPECT_FALSE(inbox_entry(pro, client, "&unread=true").is_null());

  // The professional reads, for the whole studio; the client sees the receipt.
  EXPECT_EQ(read_all(pro, conversation).status(), 204);
  EXPECT_EQ(inbox_entry(pro, client).at("unreadCount").as_int64(), 0);
  EXPECT_EQ(inbox_entry(admin, client).at("unreadCount").as_int64(), 0);
  EXPECT_EQ(conversation_seen_by(client, conversation).at("studioReadSeq").as_int64(),
            seq_of(newest));
  EXPECT_TRUE(inbox_entry(pro, client, "&unread=true").is_null());

  // The studio answers: unread for the client, not for the studio that wrote it.
  const auto answer = said(pro, conversation, "Oui, je regarde.");
  mine = conversation_seen_by(client, conversation);
  EXPECT_EQ(mine.at("unreadCount").as_int64(), 1);
  EXPECT_EQ(id_of(mine.at("lastMessage")), id_of(answer));
  EXPECT_TRUE(mine.at("lastMessage").at("fromStaff").as_bool());
  EXPECT_EQ(mine.at("lastMessage").at("author").at("id").as_string(), pro.id);
  EXPECT_EQ(mine.at("clientReadSeq").as_int64(), seq_of(newest));
  auto listed = api->get("/api/conversations", client.token);
  ASSERT_EQ(listed.status(), 200) << listed.http.body;
  EXPECT_EQ(listed.obj().at("items").as_array().at(0).at("unreadCount").as_int64(), 1);
  EXPECT_EQ(inbox_entry(pro, client).at("unreadCount").as_int64(), 0);
  EXPECT_EQ(conversation_seen_by(pro, conversation).at("studioReadSeq").as_int64(), seq_of(answer));
  EXPECT_TRUE(inbox_entry(pro, client, "&unread=true").is_null());

  // The client reads; reading again with nothing new changes nothing.
  EXPECT_EQ(read_all(client, conversation).status(), 204);
  mine = conversation_seen_by(client, conversation);
  EXPECT_EQ(mine.at("unreadCount").as_int64(), 0);
  EXPECT_EQ(mine.at("clientReadSeq").as_int64(), seq_of(answer));
  EXPECT_EQ(read_all(client, conversation).status(), 204);
  EXPECT_EQ(conversation_seen_by(pro, conversation).at("clientReadSeq").as_int64(), seq_of(answer));
}

TEST_F(Messages, TheInboxSearchesClientNamesAndEmailsOnly) {
  const auto client = new_client("search");
  const auto family = unique_name("lenoir");
  ASSERT_EQ(api->patch("/api/me", {{"lastName", family}}, client.token).status(), 200);
  const auto conversation = conversation_of(client);
  const auto words = unique_name("rendezvous");
  said(client, conversation, "Question " + words);
  const auto finds = [&](const std::string& q) {
    auto r = api->get("/api/conversations?q=" + q, pro.token);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    if (r.status() != 200) return false;
    for (const auto& c : r.obj().at("items").as_array())
      if (c.at("id").as_string() == conversation) return true;
    return false;
  };
  EXPECT_TRUE(finds(family));                  // last name
  EXPECT_TRUE(finds(upper(family)));           // whatever the case
  EXPECT_TRUE(finds("Zo%C3%A9%20" + family));  // first and last name together
  EXPECT_TRUE(finds(local_part(client)));      // e-mail
  EXPECT_FALSE(finds(words));                  // not the messages' text
  EXPECT_FALSE(finds(unique_name("nobody")));
  EXPECT_FALSE(finds(family + "x"));
  EXPECT_FALSE(finds("%25"));  // a literal %, not a wildcard
}

TEST_F(Messages, TheInboxPagesByLatestActivity) {
  const auto family = unique_name("duval");
  const auto earlier = new_client("earlier");
  const auto later = new_client("later");
  for (const auto* c : {&earlier, &later})
    ASSERT_EQ(api->patch("/api/me", {{"lastName", family}}, c->token).status(), 200);
  const auto first = conversation_of(earlier);
  const auto second = conversation_of(later);
  said(earlier, first, "Un");
  said(later, second, "Deux");
  const auto inbox = [&](const std::string& extra) {
    auto r = api->get("/api/conversations?q=" + family + extra, pro.token);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    return r;
  };
  auto page = inbox("&limit=1");
  EXPECT_EQ(ids(page), std::vector<std::string>{second});
  ASSERT_TRUE(page.obj().at("nextCursor").is_string()) << page.http.body;
  auto next = inbox("&limit=1&cursor=" + std::string(page.obj().at("nextCursor").as_string()));
  EXPECT_EQ(ids(next), std::vector<std::string>{first});
  EXPECT_TRUE(next.obj().at("nextCursor").is_null());
  // A new message brings its conversation to the top.
  said(earlier, first, "Encore moi");
  EXPECT_EQ(ids(inbox("")), (std::vector<std::string>{first, second}));
}

// ---- message pages --------------------------------------------------------------------------

TEST_F(Messages, MessagesPageNewestFirstWithoutGapsOrRepeats) {
  const auto client = new_client("pages");
  const auto conversation = conversation_of(client);
  std::vector<std::string> posted;
  for (int i = 1; i <= 7; ++i)
    posted.push_back(id_of(said(client, conversation, "Message " + std::to_string(i))));
  const std::vector<std::string> newest_first(posted.rbegin(), posted.rend());
  const auto page = [&](const std::string& query) {
    auto r = api->get(path(conversation, "/messages" + query), client.token);
    EXPECT_EQ(r.status(), 200) << query << ": " << r.http.body;
    return r;
  };

  // Pages of three: 3, 3, 1; each nextCursor the oldest id shown, null on the last page.
  std::vector<std::string> seen;
  std::vector<std::size_t> sizes;
  std::string query = "?limit=3";
  for (int pages = 0; pages < 5; ++pages) {
    auto r = page(query);
    const auto got = ids(r);
    sizes.push_back(got.size());
    seen.insert(seen.end(), got.begin(), got.end());
    const auto& next = r.obj().at("nextCursor");
    if (next.is_null() || got.empty()) break;
    EXPECT_EQ(next.as_string(), got.back());
    query = "?limit=3&before=" + std::string(next.as_string());
  }
  EXPECT_EQ(sizes, (std::vector<std::size_t>{3, 3, 1}));
  EXPECT_EQ(seen, newest_first);

  // A page exactly as long as what is left has no next page; one shorter has.
  auto all = page("?limit=7");
  EXPECT_EQ(ids(all), newest_first);
  EXPECT_TRUE(all.obj().at("nextCursor").is_null());
  auto six = page("?limit=6");
  EXPECT_EQ(ids(six).size(), 6u);
  EXPECT_EQ(six.obj().at("nextCursor").as_string(), posted[1]);
  EXPECT_EQ(ids(page("?before=" + posted[1])), std::vector<std::string>{posted[0]});
  EXPECT_TRUE(ids(page("?before=" + posted[0])).empty());  // nothing before the first
  auto whole = page("");                                   // 50 by default
  EXPECT_EQ(ids(whole), newest_first);
  EXPECT_TRUE(whole.obj().at("nextCursor").is_null());
  // Staff see the same pages.
  auto staff = api->get(path(conversation, "/messages?limit=3"), pro.token);
  ASSERT_EQ(staff.status(), 200) << staff.http.body;
  EXPECT_EQ(ids(staff), (std::vector<std::string>{posted[6], posted[5], posted[4]}));
}

TEST_F(Messages, MessagePagesRefuseBadLimitsAndForeignCursors) {
  const auto client = new_client("bad_pages");
  const auto stranger = new_client("bad_pages_stranger");
  const auto conversation = conversation_of(client);
  said(client, conversation, "Un");
  const auto theirs = id_of(said(stranger, conversation_of(stranger), "Ailleurs"));
  const auto page = [&](const std::string& query) {
    return api->get(path(conversation, "/messages" + query), client.token);
  };
  for (const auto* limit : {"0", "-1", "abc", "1.5", "10x", ""}) {
    SCOPED_TRACE(limit);
    expect_invalid(page(std::string("?limit=") + limit), "limit", "invalid");
  }
  expect_invalid(page("?before=not-a-uuid"), "before", "invalid");
  // Another conversation's message is no cursor here: refused, nothing of it shown.
  expect_invalid(page("?before=" + theirs), "before", "invalid");
  expect_invalid(page("?before=" + kUnknownId), "before", "invalid");
  EXPECT_EQ(page("?limit=1").status(), 200);
  EXPECT_EQ(page("?limit=100").status(), 200);
}

TEST_F(Messages, ALimitAboveAHundredIsCappedNotRefused) {
  const auto client = new_client("cap");
  const auto conversation = conversation_of(client);
  // 101 messages written straight to the database: posting them would only take time.
  psql(database->url(),
       "INSERT INTO messages (conversation_id, author_id, from_staff, body) SELECT '" +
           conversation + "', '" + client.id +
           "', false, 'Message ' || g FROM generate_series(1, 101) g");
  std::string cursor;
  for (const auto* limit : {"100", "101", "5000"}) {
    SCOPED_TRACE(limit);
    auto r = api->get(path(conversation, "/messages?limit=") + limit, client.token);
    ASSERT_EQ(r.status(), 200) << r.http.body;
    EXPECT_EQ(r.obj().at("items").as_array().size(), 100u);
    ASSERT_TRUE(r.obj().at("nextCursor").is_string());
    cursor = std::string(r.obj().at("nextCursor").as_string());
  }
  auto rest = api->get(path(conversation, "/messages?limit=101&before=") + cursor, client.token);
  ASSERT_EQ(rest.status(), 200) << rest.http.body;
  const auto& items = rest.obj().at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items.at(0).at("body").as_string(), "Message 1");
  EXPECT_TRUE(rest.obj().at("nextCursor").is_null());
}

// ---- follow-ups and saved replies -----------------------------------------------------------

TEST_F(Messages, AFollowUpIsStaffInformationUntilCleared) {
  const auto client = new_client("follow_up");
  const auto conversation = conversation_of(client);
  const auto message = id_of(said(client, conversation, "Pouvez-vous me rappeler ?"));
  const auto flag = "/api/messages/" + message + "/follow-up";
  const auto flagged = [&](const StudioAccount& who) {
    auto r = api->get(path(conversation, "/messages"), who.token);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    return r.obj().at("items").as_array().at(0).at("followUp").as_bool();
  };
  const auto follow_ups = [&](const StudioAccount& who) {
    return conversation_seen_by(who, conversation).at("followUpCount").as_int64();
  };
  EXPECT_FALSE(flagged(pro));
  EXPECT_TRUE(inbox_entry(pro, client, "&followUp=true").is_null());

  EXPECT_EQ(api->call("PUT", flag, "", pro.token).status(), 204);
  EXPECT_EQ(api->call("PUT", flag, "", admin.token).status(), 204);  // twice is harmless
  EXPECT_TRUE(flagged(pro));
  EXPECT_TRUE(flagged(admin));
  EXPECT_EQ(follow_ups(pro), 1);
  // Never shown to the client.
  EXPECT_FALSE(flagged(client));
  EXPECT_EQ(follow_ups(client), 0);
  EXPECT_FALSE(
      conversation_seen_by(client, conversation).at("lastMessage").at("followUp").as_bool());
  const auto listed = inbox_entry(pro, client, "&followUp=true");
  ASSERT_FALSE(listed.is_null());
  EXPECT_EQ(listed.at("followUpCount").as_int64(), 1);
  EXPECT_TRUE(listed.at("lastMessage").at("followUp").as_bool());

  EXPECT_EQ(api->call("DELETE", flag, "", admin.token).status(), 204);
  EXPECT_FALSE(flagged(pro));
  EXPECT_EQ(follow_ups(pro), 0);
  EXPECT_TRUE(inbox_entry(pro, client, "&followUp=true").is_null());
  EXPECT_EQ(api->call("DELETE", flag, "", pro.token).status(), 204);  // already cleared

  expect_problem(api->call("PUT", "/api/messages/" + kUnknownId + "/follow-up", "", pro.token), 404,
                 "not_found");
  expect_problem(api->call("DELETE", "/api/messages/nope/follow-up", "", pro.token), 404,
                 "not_found");
}

TEST_F(Messages, SavedRepliesAreListedAlphabeticallyAndEditable) {
  // Titles share a prefix of this test's own, so only their endings decide the order.
  const auto tag = unique_name("sr");
  const auto create = [&](const StudioAccount& who, const std::string& title,
                          const std::string& body) {
    auto r =
        api->post("/api/saved-replies", {{"title", tag + " " + title}, {"body", body}}, who.token);
    EXPECT_EQ(r.status(), 201) << r.http.body;
    return r;
  };
  const auto titles = [&] {
    auto r = api->get("/api/saved-replies", pro.token);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    std::vector<std::string> out;
    for (const auto& item : r.obj().at("items").as_array()) {
      std::string title(item.at("title").as_string());
      if (title.starts_with(tag + " ")) out.push_back(title.substr(tag.size() + 1));
    }
    return out;
  };
  const std::string placeholders =
      "Bonjour {{client.firstName}} {{client.lastName}}, à bientôt chez {{studio.name}} !";
  auto charlie = create(pro, "charlie", "C");
  auto alpha = create(admin, "alpha", placeholders);
  auto bravo = create(pro, "Bravo", "B");
  EXPECT_EQ(alpha.str("body"), placeholders);  // stored as written: the web fills them in
  EXPECT_FALSE(alpha.str("createdAt").empty());
  EXPECT_FALSE(alpha.str("updatedAt").empty());
  EXPECT_EQ(titles(), (std::vector<std::string>{"alpha", "Bravo", "charlie"}));  // any case

  // Renaming moves a reply; changing only its body keeps its title.
  const auto reply = [](const ApiResponse& r) { return "/api/saved-replies/" + r.str("id"); };
  auto renamed = api->patch(reply(charlie), {{"title", tag + " Aaron"}}, admin.token);
  ASSERT_EQ(renamed.status(), 200) << renamed.http.body;
  EXPECT_EQ(renamed.str("title"), tag + " Aaron");
  EXPECT_EQ(renamed.str("body"), "C");
  auto rewritten = api->patch(reply(bravo), {{"body", "Nouveau texte"}}, pro.token);
  ASSERT_EQ(rewritten.status(), 200) << rewritten.http.body;
  EXPECT_EQ(rewritten.str("title"), tag + " Bravo");
  EXPECT_EQ(rewritten.str("body"), "Nouveau texte");
  EXPECT_EQ(titles(), (std::vector<std::string>{"Aaron", "alpha", "Bravo"}));

  // Deleted: gone from the list; then nothing to delete or change any more.
  EXPECT_EQ(api->call("DELETE", reply(alpha), "", admin.token).status(), 204);
  EXPECT_EQ(titles(), (std::vector<std::string>{"Aaron", "Bravo"}));
  expect_problem(api->call("DELETE", reply(alpha), "", pro.token), 404, "not_found");
  expect_problem(api->patch(reply(alpha), {{"title", "X"}}, pro.token), 404, "not_found");
  expect_problem(api->patch("/api/saved-replies/nope", {{"title", "X"}}, pro.token), 404,
                 "not_found");
  expect_problem(api->call("DELETE", "/api/saved-replies/" + kUnknownId, "", pro.token), 404,
                 "not_found");
}

TEST_F(Messages, SavedRepliesRefuseBadInputAndStoreNothing) {
  const auto count = [&] { return one("SELECT count(*) FROM saved_replies"); };
  const auto before = count();
  const auto add = [&](const json::value& body) {
    return api->post("/api/saved-replies", body, pro.token);
  };
  expect_invalid(add({{"body", "Texte"}}), "title", "required");
  expect_invalid(add({{"title", "   "}, {"body", "Texte"}}), "title", "required");
  expect_invalid(add({{"title", std::string(101, 't')}, {"body", "Texte"}}), "title", "too_long");
  expect_invalid(add({{"title", "Titre"}}), "body", "required");
  expect_invalid(add({{"title", "Titre"}, {"body", ""}}), "body", "required");
  expect_invalid(add({{"title", "Titre"}, {"body", std::string(5001, 'b')}}), "body", "too_long");
  expect_problem(add({{"title", 12}, {"body", "Texte"}}), 400, "invalid_type");
  expect_problem(api->call("POST", "/api/saved-replies", "{\"title\":", pro.token), 400,
                 "malformed_json");
  EXPECT_EQ(count(), before);

  // The limits themselves are fine, in characters (100 and 5000 "é").
  auto longest = add({{"title", repeat("é", 100)}, {"body", repeat("é", 5000)}});
  ASSERT_EQ(longest.status(), 201) << longest.http.body;
  const auto id = longest.str("id");
  const auto reply = "/api/saved-replies/" + id;
  expect_invalid(api->patch(reply, {{"title", ""}}, pro.token), "title", "required");
  expect_invalid(api->patch(reply, {{"title", repeat("é", 101)}}, pro.token), "title", "too_long");
  expect_invalid(api->patch(reply, {{"body", repeat("é", 5001)}}, pro.token), "body", "too_long");
  expect_problem(api->patch(reply, {{"body", 5}}, pro.token), 400, "invalid_type");
  EXPECT_EQ(
      one("SELECT length(title) || '|' || length(body) FROM saved_replies WHERE id = '" + id + "'"),
      "100|5000");
}

// ---- events -------------------------------------------------------------------------------

TEST_F(Messages, MessagesAndReadsArePublishedAsEvents) {
  const auto client = new_client("events");
  const auto conversation = conversation_of(client);
  EXPECT_EQ(message_events(conversation), "");  // opening publishes nothing
  const auto question = said(client, conversation, "Une question");
  EXPECT_EQ(message_events(conversation), "message.created");
  const auto event = [&](const std::string& type, const std::string& columns) {
    return one("SELECT " + columns + " FROM events WHERE subject_id = '" + conversation +
               "' AND type = '" + type + "' ORDER BY id DESC LIMIT 1");
  };
  EXPECT_EQ(event("message.created", "data->>'messageId'"), id_of(question));
  EXPECT_EQ(event("message.created", "(data->>'fromStaff') || '|' || (data->>'clientId')"),
            "false|" + client.id);
  // For the staff and this client only.
  EXPECT_EQ(event("message.created", "to_staff::text || '|' || array_to_string(to_users, ',')"),
            "true|" + client.id);

  // A read publishes the new receipt; a read with nothing new publishes nothing.
  ASSERT_EQ(read_all(pro, conversation).status(), 204);
  EXPECT_EQ(message_events(conversation), "message.created,message.read");
  EXPECT_EQ(event("message.read", "(data->>'readerIsStaff') || '|' || (data->>'seq')"),
            "true|" + std::to_string(seq_of(question)));
  ASSERT_EQ(read_all(admin, conversation).status(), 204);
  EXPECT_EQ(message_events(conversation), "message.created,message.read");

  // The studio answers, the client reads.
  const auto answer = said(pro, conversation, "Une réponse");
  EXPECT_EQ(event("message.created", "(data->>'messageId') || '|' || (data->>'fromStaff')"),
            id_of(answer) + "|true");
  ASSERT_EQ(read_all(client, conversation).status(), 204);
  const std::string all = "message.created,message.read,message.created,message.read";
  EXPECT_EQ(message_events(conversation), all);
  EXPECT_EQ(event("message.read", "(data->>'readerIsStaff') || '|' || (data->>'seq')"),
            "false|" + std::to_string(seq_of(answer)));

  // Refused calls publish nothing.
  expect_invalid(send(client, conversation, {{"body", " "}}), "body", "required");
  expect_problem(read_all(new_client("events_intruder"), conversation), 404, "not_found");
  EXPECT_EQ(message_events(conversation), all);
}
