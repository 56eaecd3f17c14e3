#include "modules/contracts/contracts_controller.hpp"

#include "core/auth/tokens.hpp"
#include "core/http/files.hpp"
#include "core/http/json.hpp"
#include "core/util/uuid.hpp"
#include "modules/contracts/contracts_json.hpp"

#include <boost/json.hpp>

#include <charconv>

namespace declic::contracts {

namespace json = boost::json;
namespace http = core::http;
using core::Error;
using http::JsonReader;
using http::problem;
using http::Request;

namespace {

constexpr std::size_t kNameMax = 120;
constexpr std::size_t kUserAgentMax = 500;
constexpr std::string_view kPngDataUrl = "data:image/png;base64,";
constexpr std::string_view kPngMagic = "\x89PNG\r\n\x1a\n";

std::string id_of(const Request& req) {
  return std::string(req.param("id"));
}

// Who acts and from where, as the trail records it.
Witness witness(const Request& req) {
  const auto& me = req.principal->user;
  auto agent = std::string(req.header("user-agent").substr(0, kUserAgentMax));
  return Witness{me.id, me.first_name + " " + me.last_name,
                 std::string(core::auth::to_string(me.role)), req.remote_ip, std::move(agent)};
}

std::optional<std::string> read_id(JsonReader& r, const char* field, bool required) {
  auto id = required ? r.required_string(field, 1, 36) : r.optional_string(field, 1, 36);
  if (id && !core::is_uuid(*id)) r.invalid(field, "invalid", "Not an id.");
  return id;
}

// The base64 of a drawn signature sent as a PNG data URL; a field error otherwise.
std::optional<std::string> read_signature(JsonReader& r) {
  const auto url = r.optional_string("signature", 1, kMaxSignaturePng * 4 / 3 + 64);
  if (!url) return std::nullopt;
  const auto bad = [&r] {
    r.invalid("signature", "invalid", "A PNG image as a data URL.");
    return std::nullopt;
  };
  if (!url->starts_with(kPngDataUrl)) return bad();
  const auto base64 = url->substr(kPngDataUrl.size());
  const auto bytes = core::auth::base64_decode(base64);
  if (!bytes || bytes->size() > kMaxSignaturePng || !bytes->starts_with(kPngMagic)) return bad();
  return base64;
}

}  // namespace

http::Response ContractsController::contract_reply(int status, const Contract& c) const {
  return http::json_reply(status, contract_json(c, true, service_.pdf_url(c)));
}

// ---- templates -------------------------------------------------------------------------------

http::Reply ContractsController::templates(Request& req) {
  auto templates = co_await service_.templates(*req.principal);
  if (!templates) co_return problem(templates.error());
  json::array items;
  for (const auto& t : *templates) items.push_back(template_json(t));
  co_return http::json_reply(200, http::list_body(std::move(items)));
}

http::Reply ContractsController::template_(Request& req) {
  auto t = co_await service_.template_(*req.principal, id_of(req));
  if (!t) co_return problem(t.error());
  co_return http::json_reply(200, template_json(*t));
}

http::Reply ContractsController::add_template(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto name = r.required_string("name", 1, kNameMax);
  auto text = r.required_string("body", 1, kMaxTemplateBody);
  if (auto e = r.error()) co_return problem(*e);
  auto added = co_await service_.add_template(*req.principal, *name, *text);
  if (!added) co_return problem(added.error());
  co_return http::json_reply(201, template_json(*added));
}

http::Reply ContractsController::update_template(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto name = r.optional_string("name", 1, kNameMax);
  auto text = r.optional_string("body", 1, kMaxTemplateBody);
  if (auto e = r.error()) co_return problem(*e);
  auto updated = co_await service_.update_template(*req.principal, id_of(req), name, text);
  if (!updated) co_return problem(updated.error());
  co_return http::json_reply(200, template_json(*updated));
}

http::Reply ContractsController::remove_template(Request& req) {
  auto done = co_await service_.remove_template(*req.principal, id_of(req), witness(req));
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

http::Reply ContractsController::placeholders(Request&) {
  json::array items;
  for (const auto key : kPlaceholders) items.push_back(json::object{{"key", key}});
  co_return http::json_reply(200, http::list_body(std::move(items)));
}

http::Reply ContractsController::preview(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto text = r.required_string("body", 1, kMaxTemplateBody);
  auto project_id = read_id(r, "projectId", false);
  if (auto e = r.error()) co_return problem(*e);
  auto doc = co_await service_.preview(*req.principal, *text, project_id);
  if (!doc) co_return problem(doc.error());
  co_return http::json_reply(200, json::object{{"blocks", blocks_json(*doc)}});
}

// ---- contracts -------------------------------------------------------------------------------

http::Reply ContractsController::create(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto project_id = read_id(r, "projectId", true);
  auto template_id = read_id(r, "templateId", true);
  if (auto e = r.error()) co_return problem(*e);
  auto created = co_await service_.create(*req.principal, *project_id, *template_id, witness(req));
  if (!created) co_return problem(created.error());
  co_return contract_reply(201, *created);
}

http::Reply ContractsController::list(Request& req) {
  ContractQuery query;
  std::vector<core::FieldError> errors;
  if (auto p = req.query_param("projectId"); p && !p->empty()) {
    if (!core::is_uuid(*p)) errors.push_back({"projectId", "invalid", "Not an id."});
    query.project_id = *p;
  }
  if (auto s = req.query_param("status"); s && !s->empty()) {
    query.status = contract_status_from(*s);
    if (!query.status) errors.push_back({"status", "invalid", "One of DRAFT, SENT, SIGNED, VOID."});
  }
  auto page_query = http::read_list_query(req, 100, errors);
  if (!errors.empty()) co_return problem(Error::validation(std::move(errors)));
  query.limit = page_query.limit.value_or(query.limit);
  query.cursor = std::move(page_query.cursor);
  auto page = co_await service_.list(*req.principal, query);
  if (!page) co_return problem(page.error());
  co_return http::list_reply(
      *page, [this](const Contract& c) { return contract_json(c, false, service_.pdf_url(c)); });
}

http::Reply ContractsController::get(Request& req) {
  auto contract = co_await service_.get(*req.principal, id_of(req), witness(req));
  if (!contract) co_return problem(contract.error());
  co_return contract_reply(200, *contract);
}

http::Reply ContractsController::edit(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto title = r.optional_string("title", 1, kNameMax);
  auto text = r.optional_string("body", 1, kMaxTemplateBody);
  if (auto e = r.error()) co_return problem(*e);
  auto edited = co_await service_.edit(*req.principal, id_of(req), title, text, witness(req));
  if (!edited) co_return problem(edited.error());
  co_return contract_reply(200, *edited);
}

http::Reply ContractsController::send(Request& req) {
  auto sent = co_await service_.send(*req.principal, id_of(req), witness(req));
  if (!sent) co_return problem(sent.error());
  co_return contract_reply(200, *sent);
}

http::Reply ContractsController::sign(Request& req) {
  if (req.principal->is_staff())
    co_return problem(Error::forbidden("Only the client signs their contract."));
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  SignRequest s;
  auto full_name = r.required_string("fullName", 2, 200);
  const auto consent = r.optional_bool("consent");
  if (!consent.value_or(false))  // absent or false; a wrong type is a 400 already
    r.invalid("consent", "required", "The client must consent to sign electronically.");
  s.signature_png_base64 = read_signature(r);
  if (auto e = r.error()) co_return problem(*e);
  s.full_name = std::move(*full_name);
  s.consent = true;
  auto signed_ = co_await service_.sign(*req.principal, id_of(req), s, witness(req));
  if (!signed_) co_return problem(signed_.error());
  co_return contract_reply(200, *signed_);
}

http::Reply ContractsController::countersign(Request& req) {
  auto done = co_await service_.countersign(*req.principal, id_of(req), witness(req));
  if (!done) co_return problem(done.error());
  co_return contract_reply(200, *done);
}

http::Reply ContractsController::void_(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto reason = r.required_string("reason", 1, 500);
  if (auto e = r.error()) co_return problem(*e);
  auto voided = co_await service_.void_(*req.principal, id_of(req), *reason, witness(req));
  if (!voided) co_return problem(voided.error());
  co_return contract_reply(200, *voided);
}

http::Reply ContractsController::reissue(Request& req) {
  auto next = co_await service_.reissue(*req.principal, id_of(req), witness(req));
  if (!next) co_return problem(next.error());
  co_return contract_reply(201, *next);
}

http::Reply ContractsController::trail(Request& req) {
  auto trail = co_await service_.trail(*req.principal, id_of(req));
  if (!trail) co_return problem(trail.error());
  co_return http::json_reply(200, trail_json(*trail));
}

// ---- the PDF and its verification ------------------------------------------------------------

namespace {

// `?exp=&sig=` of a signed link, when the request carries one.
std::optional<ContractsService::Link> read_link(const Request& req) {
  const auto sig = req.query_param("sig");
  if (!sig) return std::nullopt;
  const auto exp_text = req.query_param("exp").value_or("");
  ContractsService::Link link{0, *sig};
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), link.exp);
  return link;
}

json::value verification_json(const Verification& v) {
  return {{"id", v.id},
          {"title", v.title},
          {"status", v.status},
          {"studioName", v.studio_name},
          {"documentSha256", http::nullable(v.document_sha256)},
          {"pdfSha256", http::nullable(v.pdf_sha256)},
          {"signedAt", http::nullable(v.signed_at)},
          {"countersignedAt", http::nullable(v.countersigned_at)}};
}

}  // namespace

http::Reply ContractsController::pdf(Request& req) {
  const auto link = read_link(req);
  const auto* me = req.principal ? &*req.principal : nullptr;
  const auto id = id_of(req);
  auto path = co_await service_.pdf(me, id, link);
  if (!path) co_return problem(path.error());
  auto file = http::File::open(*path);
  if (!file) co_return problem(Error::not_found("contract PDF"));
  http::FileReply reply;
  reply.content_type = "application/pdf";
  reply.disposition = http::content_disposition("contrat-" + id.substr(0, 8) + ".pdf");
  co_return http::file_response(req, std::move(file), reply);
}

http::Reply ContractsController::verify(Request& req) {
  auto found = co_await service_.verify(id_of(req));
  if (!found) co_return problem(found.error());
  co_return http::json_reply(200, verification_json(*found));
}

// Anyone with a PDF: is it exactly one this studio issued? The body is hashed as it comes.
http::Reply ContractsController::verify_document(Request& req, http::BodyReader& body) {
  const auto type = req.header("content-type");
  if (!type.starts_with("application/pdf") && !type.starts_with("application/octet-stream"))
    co_return problem(Error::unsupported_media_type("Send the PDF itself (application/pdf)."));
  core::auth::Sha256 hash;
  for (;;) {
    auto chunk = co_await body.next();
    if (!chunk) co_return problem(chunk.error());
    if (chunk->empty()) break;
    hash.update(*chunk);
  }
  const auto sha256 = hash.hex();
  auto found = co_await service_.verify_document(sha256);
  if (!found) co_return problem(found.error());
  json::object reply{{"match", found->has_value()}, {"sha256", sha256}};
  if (*found) reply["contract"] = verification_json(**found);
  co_return http::json_reply(200, reply);
}

}  // namespace declic::contracts
