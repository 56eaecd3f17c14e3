#include "modules/contracts/contracts_json.hpp"

#include "core/http/json.hpp"

#include <boost/json.hpp>

namespace declic::contracts {

namespace json = boost::json;
using core::http::nullable;

namespace {

json::array runs_json(const Runs& runs) {
  json::array out;
  for (const auto& r : runs) {
    json::object o{{"text", r.text}};
    if (r.bold) o["bold"] = true;
    if (r.italic) o["italic"] = true;
    out.push_back(std::move(o));
  }
  return out;
}

const char* kind_name(Block::Kind k) {
  switch (k) {
    case Block::Kind::heading:
      return "heading";
    case Block::Kind::bullets:
      return "bullets";
    case Block::Kind::numbers:
      return "numbers";
    default:
      return "paragraph";
  }
}

}  // namespace

json::value template_json(const Template& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"body", t.body},
          {"createdAt", t.created_at},
          {"updatedAt", t.updated_at}};
}

json::value blocks_json(const Document& doc) {
  json::array out;
  for (const auto& b : doc) {
    json::object o{{"type", kind_name(b.kind)}};
    if (b.kind == Block::Kind::heading) o["level"] = b.level;
    if (b.kind == Block::Kind::bullets || b.kind == Block::Kind::numbers) {
      json::array items;
      for (const auto& item : b.items) items.push_back(runs_json(item));
      o["items"] = std::move(items);
    } else {
      o["runs"] = runs_json(b.runs);
    }
    out.push_back(std::move(o));
  }
  return out;
}

json::value contract_json(const Contract& c, bool whole,
                          const std::optional<std::string>& pdf_url) {
  json::value signature = nullptr;
  if (c.signature)
    signature = {{"fullName", c.signature->full_name},
                 {"signedAt", c.signature->signed_at},
                 {"ip", c.signature->ip},
                 {"userAgent", c.signature->user_agent},
                 {"documentSha256", c.signature->document_sha256},
                 {"drawn", c.signature->drawn}};
  json::value countersignature = nullptr;
  if (c.countersignature)
    countersignature = {{"at", c.countersignature->at},
                        {"by",
                         {{"id", c.countersignature->by.id},
                          {"firstName", c.countersignature->by.first_name},
                          {"lastName", c.countersignature->by.last_name}}}};
  json::value voided = nullptr;
  if (c.voided) voided = {{"at", c.voided->at}, {"reason", c.voided->reason}};
  json::object o{{"id", c.id},
                 {"projectId", c.project_id},
                 {"templateId", nullable(c.template_id)},
                 {"version", c.version},
                 {"previousId", nullable(c.previous_id)},
                 {"title", c.title},
                 {"status", to_string(c.status)},
                 {"documentSha256", nullable(c.document_sha256)},
                 {"pdfSha256", nullable(c.pdf_sha256)},
                 {"client",
                  {{"id", c.client.id},
                   {"firstName", c.client.first_name},
                   {"lastName", c.client.last_name},
                   {"email", c.client.email}}},
                 {"service", {{"id", c.service.id}, {"name", c.service.name}}},
                 {"booking", {{"id", c.booking.id}, {"start", c.booking.start}}},
                 {"createdAt", c.created_at},
                 {"updatedAt", c.updated_at},
                 {"sentAt", nullable(c.sent_at)},
                 {"signature", std::move(signature)},
                 {"countersignature", std::move(countersignature)},
                 {"voided", std::move(voided)},
                 {"pdfUrl", nullable(pdf_url)}};
  if (whole) {
    o["body"] = c.body;
    o["blocks"] = blocks_json(parse(c.body));
    json::array versions;
    for (const auto& v : c.versions)
      versions.push_back({{"id", v.id},
                          {"version", v.version},
                          {"status", to_string(v.status)},
                          {"createdAt", v.created_at}});
    o["versions"] = std::move(versions);
  }
  return o;
}

json::value trail_json(const std::vector<TrailEntry>& trail) {
  json::array items;
  for (const auto& e : trail) {
    json::value actor = nullptr;
    if (e.actor)
      actor = {{"id", e.actor->id.empty() ? json::value(nullptr) : json::value(e.actor->id)},
               {"name", e.actor->name},
               {"role", e.actor->role}};
    items.push_back({{"id", e.id},
                     {"type", e.type},
                     {"at", e.at},
                     {"actor", std::move(actor)},
                     {"ip", nullable(e.ip)},
                     {"userAgent", nullable(e.user_agent)},
                     {"documentSha256", nullable(e.document_sha256)}});
  }
  return core::http::list_body(std::move(items));
}

}  // namespace declic::contracts
