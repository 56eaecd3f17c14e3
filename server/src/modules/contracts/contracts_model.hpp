#pragma once
// Contracts: staff write templates; a contract is a template rendered with a project's values
// (client, service, booking, studio), edited while DRAFT, frozen and mailed when SENT, signed
// online by the project's client (SIGNED), countersigned by staff, or voided with a reason
// (VOID) and re-issued as a new version. Every step is kept in an append-only trail with
// time, address, user agent and actor, and the SHA-256 of the exact text that was signed.

#include "core/util/cursor.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace declic::contracts {

inline constexpr std::size_t kMaxTemplateBody = 50000;
inline constexpr std::size_t kMaxSignaturePng = 300000;
inline constexpr std::uint64_t kMaxVerifiedPdf = 20u << 20;

enum class ContractStatus { draft, sent, signed_, voided };
std::string_view to_string(ContractStatus s);
std::optional<ContractStatus> contract_status_from(std::string_view text);

struct Template {
  std::string id, name, body, created_at, updated_at;
};

struct Signature {
  std::string full_name, signed_at, ip, user_agent, document_sha256;
  bool drawn = false;
};

struct Countersignature {
  std::string at;
  struct {
    std::string id, first_name, last_name;
  } by;
};

struct Voided {
  std::string at, reason;
};

struct VersionRef {
  std::string id;
  int version = 1;
  ContractStatus status = ContractStatus::draft;
  std::string created_at;
  bool sent = false;  // ever sent to the client
};

struct Contract {
  std::string id, project_id;
  std::optional<std::string> template_id, previous_id;
  int version = 1;
  std::string title, body;  // body: the rendered text (contract_document.hpp)
  ContractStatus status = ContractStatus::draft;
  std::optional<std::string> document_sha256, pdf_sha256;
  struct {
    std::string id, first_name, last_name, email;
  } client;
  struct {
    std::string id, name;
  } service;
  struct {
    std::string id, start;
  } booking;
  std::string created_at, updated_at;
  std::optional<std::string> sent_at;
  std::optional<Signature> signature;
  std::optional<Countersignature> countersignature;
  std::optional<Voided> voided;
  std::vector<VersionRef> versions;  // the chain of versions, oldest first; empty in lists
  std::int64_t created_us = 0;       // list cursor
};

// Who did something to a contract and from where: what the trail records.
struct Witness {
  std::optional<std::string> actor_id;
  std::string actor_name, actor_role;
  std::string ip, user_agent;
};

struct TrailEntry {
  std::int64_t id = 0;
  std::string type;  // created, edited, sent, opened, signed, countersigned, voided
  std::string at;
  struct Actor {
    std::string id, name, role;
  };
  std::optional<Actor> actor;
  std::optional<std::string> ip, user_agent, document_sha256;
};

struct ContractQuery {
  std::optional<std::string> project_id;
  std::optional<std::string> client_id;
  std::optional<ContractStatus> status;
  bool hide_drafts = false;  // never-sent contracts left out: set for clients
  int limit = 50;
  std::optional<core::Cursor> cursor;
};

struct ContractPage {
  std::vector<Contract> items;
  std::optional<std::string> next_cursor;
};

struct SignRequest {
  std::string full_name;
  bool consent = false;
  std::optional<std::string> signature_png_base64;  // the drawn signature, a PNG
};

// What the placeholders of a project's contract read: gathered in one query.
struct ProjectFacts {
  std::string project_id, client_id;
  std::optional<std::string> default_template_id;  // of the booking's service
  std::string client_first_name, client_last_name, client_email;
  std::optional<std::string> client_phone, client_address;
  std::string service_name, service_description;
  int duration_minutes = 0;
  std::int64_t price_cents = 0, deposit_cents = 0;
  std::string currency, booking_start;  // RFC 3339
  std::string studio_name, studio_locale, studio_time_zone;
  std::optional<std::string> legal_name, legal_address, siret, vat_number;
};

}  // namespace declic::contracts
