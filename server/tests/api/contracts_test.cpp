// Contracts through the real server: templates and their placeholders, every transition
// allowed and refused, the role matrix, hostile values rendered inert, the evidence trail
// that not even the application's own database role can change, and the reactions to
// bookings (a draft on confirmation, void on cancellation).
#include "core/auth/tokens.hpp"
#include "studio_fixture.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

using namespace declic::test;
namespace json = boost::json;

namespace {

// A 1×1 PNG: what a drawn signature is sent as.
const std::string kPng =
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChw"
    "GA60e6kgAAAABJRU5ErkJggg==";
const std::string kBody =
    "# Contrat de prestation\n\nEntre **{{studio.name}}** et {{client.fullName}}"
    " ({{client.address}}).\n\n## Prix\n\n- Prix : {{price}}\n- Acompte : {{deposit}}\n\n"
    "1. Séance le {{booking.start}}\n2. *Droit à l'image* réservé\n\n{{studio.vat}}";

class Contracts : public Studio {
 protected:
  static std::string new_template(const std::string& name = "Portrait",
                                  const std::string& body = kBody) {
    auto r = api->post("/api/contract-templates", {{"name", name}, {"body", body}}, pro.token);
    EXPECT_EQ(r.status(), 201) << r.http.body;
    return r.status() == 201 ? r.str("id") : "";
  }
  static ApiResponse create(const std::string& project, const std::string& templ) {
    return api->post("/api/contracts", {{"projectId", project}, {"templateId", templ}}, pro.token);
  }
  static ApiResponse step(const std::string& id, const std::string& action,
                          const StudioAccount& who, const json::value& body = json::object{}) {
    return api->call("POST", "/api/contracts/" + id + "/" + action, json::serialize(body),
                     who.token, {"User-Agent: DeclicTest/1.0"});
  }
  static ApiResponse sign(const std::string& id, const StudioAccount& who) {
    return step(id, "sign", who, {{"fullName", "Owner Client"}, {"consent", true}});
  }
  static std::vector<std::string> trail_types(const std::string& id, const StudioAccount& who) {
    auto r = api->get("/api/contracts/" + id + "/trail", who.token);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    std::vector<std::string> types;
    if (r.status() == 200)
      for (const auto& e : r.obj().at("items").as_array())
        types.emplace_back(e.at("type").as_string());
    return types;
  }
  // What PostgreSQL answers when it refuses `sql`; empty when it runs it.
  static std::string refusal(const std::string& sql) {
    try {
      one(sql);
      return "";
    } catch (const std::runtime_error& e) {
      return e.what();
    }
  }
  // Every text run of the rendered blocks, joined.
  static std::string block_text(const ApiResponse& r) {
    std::string out;
    const auto runs = [&out](const json::value& list) {
      for (const auto& run : list.as_array()) out += std::string(run.at("text").as_string()) + "|";
    };
    for (const auto& b : r.obj().at("blocks").as_array()) {
      if (b.as_object().contains("runs")) runs(b.at("runs"));
      if (b.as_object().contains("items"))
        for (const auto& item : b.at("items").as_array()) runs(item);
    }
    return out;
  }
};

}  // namespace

TEST_F(Contracts, TemplatesRefuseUnknownPlaceholdersAndAreForStaff) {
  expect_problem(api->get("/api/contract-templates", owner.token), 403);
  expect_problem(api->post("/api/contract-templates", {{"name", "x"}, {"body", "y"}}, owner.token),
                 403);
  auto unknown =
      api->post("/api/contract-templates",
                {{"name", "Mariage"}, {"body", "Bonjour {{client.nom}} {{ price }}"}}, pro.token);
  expect_problem(unknown, 422);
  ASSERT_TRUE(unknown.obj().contains("errors"));
  EXPECT_EQ(unknown.obj().at("errors").at(0).at("code"), "unknown_placeholder");
  EXPECT_EQ(unknown.obj().at("errors").at(0).at("message"), "{{client.nom}}");
  EXPECT_EQ(unknown.obj().at("errors").as_array().size(), 1u);
  expect_problem(api->post("/api/contract-templates", {{"name", ""}, {"body", "x"}}, pro.token),
                 422);
  expect_problem(api->post("/api/contract-templates", {{"name", 3}, {"body", "x"}}, pro.token),
                 400);

  const auto id = new_template("Mariage");
  const auto path = "/api/contract-templates/" + id;
  auto renamed = api->patch(path, {{"name", "Mariage 2027"}}, pro.token);
  ASSERT_EQ(renamed.status(), 200) << renamed.http.body;
  EXPECT_EQ(renamed.str("name"), "Mariage 2027");
  EXPECT_EQ(renamed.str("body"), kBody);
  expect_problem(api->patch(path, {{"body", "{{nope}}"}}, pro.token), 422);
  auto listed = api->get("/api/contract-templates", admin.token);
  ASSERT_EQ(listed.status(), 200);
  EXPECT_FALSE(listed.obj().at("items").as_array().empty());

  auto keys = api->get("/api/contract-templates/placeholders", pro.token);
  ASSERT_EQ(keys.status(), 200);
  EXPECT_EQ(keys.obj().at("items").at(0).at("key"), "client.fullName");

  auto preview = api->post("/api/contract-templates/preview", {{"body", kBody}}, pro.token);
  ASSERT_EQ(preview.status(), 200) << preview.http.body;
  const auto& blocks = preview.obj().at("blocks").as_array();
  EXPECT_EQ(blocks.at(0).at("type"), "heading");
  EXPECT_EQ(blocks.at(0).at("level"), 1);
  EXPECT_EQ(blocks.at(2).at("type"), "heading");
  EXPECT_EQ(blocks.at(2).at("level"), 2);
  EXPECT_EQ(blocks.at(3).at("type"), "bullets");
  EXPECT_EQ(blocks.at(4).at("type"), "numbers");
  EXPECT_EQ(blocks.at(1).at("runs").at(1).at("bold"), true);
  EXPECT_NE(block_text(preview).find("Camille Martin"), std::string::npos) << block_text(preview);
  EXPECT_NE(block_text(preview).find("250,00"), std::string::npos) << block_text(preview);

  ASSERT_EQ(api->call("DELETE", path, "", pro.token).status(), 204);
  expect_problem(api->get(path, pro.token), 404);
  expect_problem(api->call("DELETE", path, "", pro.token), 404);
}

TEST_F(Contracts, FromDraftToSignedAndCountersignedWithItsTrail) {
  const auto project = new_project(owner);
  const auto templ = new_template();
  expect_problem(create(project, "00000000-0000-0000-0000-000000000000"), 422);
  expect_problem(
      api->post("/api/contracts", {{"projectId", project}, {"templateId", templ}}, owner.token),
      403);
  auto draft = create(project, templ);
  ASSERT_EQ(draft.status(), 201) << draft.http.body;
  const auto id = draft.str("id");
  const auto path = "/api/contracts/" + id;
  EXPECT_EQ(draft.str("status"), "DRAFT");
  EXPECT_EQ(draft.str("title"), "Portrait");
  EXPECT_EQ(draft.obj().at("version"), 1);
  EXPECT_TRUE(draft.obj().at("documentSha256").is_null());
  EXPECT_NE(block_text(draft).find("Zoé Client"), std::string::npos) << draft.http.body;
  EXPECT_EQ(draft.str("body").find("{{"), std::string::npos);
  expect_problem(create(project, templ), 409, "contract_exists");

  // A client never sees a draft, not even their own.
  expect_problem(api->get(path, owner.token), 404);
  auto mine = api->get("/api/contracts", owner.token);
  ASSERT_EQ(mine.status(), 200);
  for (const auto& c : mine.obj().at("items").as_array()) EXPECT_NE(c.at("id").as_string(), id);

  auto edited =
      api->patch(path, {{"title", "Contrat portrait"}, {"body", kBody + "\n\nMerci."}}, pro.token);
  ASSERT_EQ(edited.status(), 200) << edited.http.body;
  EXPECT_EQ(edited.str("title"), "Contrat portrait");
  expect_problem(step(id, "send", owner), 403);
  expect_problem(step(id, "sign", owner, {{"fullName", "Owner Client"}, {"consent", true}}), 409,
                 "invalid_transition");

  auto sent = step(id, "send", pro);
  ASSERT_EQ(sent.status(), 200) << sent.http.body;
  EXPECT_EQ(sent.str("status"), "SENT");
  const auto hash = declic::core::auth::sha256_hex(sent.str("title") + "\n\n" + sent.str("body"));
  EXPECT_EQ(sent.str("documentSha256"), hash);
  expect_problem(step(id, "send", pro), 409, "invalid_transition");
  expect_problem(api->patch(path, {{"title", "Autre"}}, pro.token), 409, "invalid_transition");

  // The role matrix once sent.
  expect_problem(api->get(path, other.token), 404);
  expect_problem(step(id, "sign", other, {{"fullName", "Other"}, {"consent", true}}), 404);
  expect_problem(step(id, "sign", pro, {{"fullName", "Pro"}, {"consent", true}}), 403);
  expect_problem(step(id, "void", owner, {{"reason", "non"}}), 403);
  expect_problem(step(id, "countersign", owner), 403);
  expect_problem(step(id, "countersign", pro), 409, "invalid_transition");
  auto read = api->call("GET", path, "", owner.token, {"User-Agent: DeclicTest/1.0"});
  ASSERT_EQ(read.status(), 200) << read.http.body;
  EXPECT_EQ(read.str("documentSha256"), hash);

  // Consent is explicit.
  expect_problem(step(id, "sign", owner, {{"fullName", "Owner Client"}}), 422);
  expect_problem(step(id, "sign", owner, {{"fullName", "Owner Client"}, {"consent", false}}), 422);
  expect_problem(step(id, "sign", owner, {{"fullName", "Owner Client"}, {"consent", "yes"}}), 400);
  expect_problem(step(id, "sign", owner,
                      {{"fullName", "Owner Client"}, {"consent", true}, {"signature", "data:x"}}),
                 422);
  auto signed_ = step(id, "sign", owner,
                      {{"fullName", "Owner Client"}, {"consent", true}, {"signature", kPng}});
  ASSERT_EQ(signed_.status(), 200) << signed_.http.body;
  EXPECT_EQ(signed_.str("status"), "SIGNED");
  const auto& signature = signed_.obj().at("signature");
  EXPECT_EQ(signature.at("fullName"), "Owner Client");
  EXPECT_EQ(signature.at("documentSha256").as_string(), hash);
  EXPECT_EQ(signature.at("userAgent"), "DeclicTest/1.0");
  EXPECT_EQ(signature.at("ip"), "127.0.0.1");
  EXPECT_EQ(signature.at("drawn"), true);
  expect_problem(sign(id, owner), 409, "invalid_transition");

  auto countersigned = step(id, "countersign", pro);
  ASSERT_EQ(countersigned.status(), 200) << countersigned.http.body;
  EXPECT_EQ(countersigned.obj().at("countersignature").at("by").at("id").as_string(), pro.id);
  expect_problem(step(id, "countersign", admin), 409, "invalid_transition");

  EXPECT_EQ(trail_types(id, pro), (std::vector<std::string>{"created", "edited", "sent", "opened",
                                                            "signed", "countersigned"}));
  EXPECT_EQ(trail_types(id, owner).size(), 6u);
  expect_problem(api->get(path + "/trail", other.token), 404);
  auto trail = api->get(path + "/trail", pro.token);
  const auto& signed_entry = trail.obj().at("items").at(4);
  EXPECT_EQ(signed_entry.at("actor").at("id").as_string(), owner.id);
  EXPECT_EQ(signed_entry.at("documentSha256").as_string(), hash);
  EXPECT_EQ(signed_entry.at("userAgent"), "DeclicTest/1.0");

  // Voided, then issued again as version 2, which names the one it replaces.
  expect_problem(step(id, "void", pro), 422);
  auto voided = step(id, "void", pro, {{"reason", "Date changée"}});
  ASSERT_EQ(voided.status(), 200) << voided.http.body;
  EXPECT_EQ(voided.str("status"), "VOID");
  EXPECT_EQ(voided.obj().at("voided").at("reason"), "Date changée");
  expect_problem(step(id, "void", pro, {{"reason", "encore"}}), 409, "invalid_transition");
  expect_problem(sign(id, owner), 409, "invalid_transition");
  auto again = step(id, "reissue", pro);
  ASSERT_EQ(again.status(), 201) << again.http.body;
  EXPECT_EQ(again.str("status"), "DRAFT");
  EXPECT_EQ(again.obj().at("version"), 2);
  EXPECT_EQ(again.str("previousId"), id);
  EXPECT_EQ(again.str("body"), sent.str("body"));
  EXPECT_EQ(again.obj().at("versions").as_array().size(), 2u);
  expect_problem(step(again.str("id"), "reissue", pro), 409, "invalid_transition");
  expect_problem(step(id, "reissue", pro), 409, "contract_exists");

  auto by_project = api->get("/api/contracts?projectId=" + project, pro.token);
  ASSERT_EQ(by_project.status(), 200);
  EXPECT_EQ(by_project.obj().at("items").as_array().size(), 2u);
  expect_problem(api->get("/api/contracts?status=SIGNED_", pro.token), 422);
  expect_problem(api->get("/api/contracts?projectId=x", pro.token), 422);
  expect_problem(api->get("/api/contracts/nope", pro.token), 404);
}

TEST_F(Contracts, HostileValuesStayPlainText) {
  auto eve = sign_up(*api, "eve@client.test", kPassword);
  one("UPDATE users SET first_name = E'<script>alert(1)</script>\\x07', last_name = "
      "E'**# {{today}}\\n- x' WHERE id = '" +
      eve.id + "'");
  const auto project = new_project(eve, 14);
  auto draft =
      create(project, new_template("Hostile", "{{client.fullName}}\n\n{{client.lastName}}"));
  ASSERT_EQ(draft.status(), 201) << draft.http.body;
  const auto& blocks = draft.obj().at("blocks").as_array();
  ASSERT_EQ(blocks.size(), 2u) << draft.http.body;
  for (const auto& b : blocks) {
    EXPECT_EQ(b.at("type"), "paragraph");
    ASSERT_EQ(b.at("runs").as_array().size(), 1u) << draft.http.body;
    EXPECT_FALSE(b.at("runs").at(0).as_object().contains("bold"));
  }
  EXPECT_EQ(blocks[0].at("runs").at(0).at("text"), "<script>alert(1)</script> **# {{today}} - x");
  EXPECT_EQ(blocks[1].at("runs").at(0).at("text"), "**# {{today}} - x");
  EXPECT_EQ(draft.http.body.find('\x07'), std::string::npos);
}

TEST_F(Contracts, TheTrailCannotBeChangedEvenByTheApplicationsRole) {
  const auto project = new_project(other, 11);
  auto draft = create(project, new_template());
  ASSERT_EQ(draft.status(), 201);
  const auto id = draft.str("id");
  const auto before = one("SELECT count(*) FROM contract_events WHERE contract_id = '" + id + "'");
  ASSERT_EQ(before, "1");
  // Through the server's own database URL: as the application's role.
  // Refused by the trigger (a superuser owner) or before it (privileges revoked).
  const auto refused = [](const std::string& answer) {
    return answer.find("append-only") != std::string::npos ||
           answer.find("permission denied") != std::string::npos;
  };
  const auto update =
      refusal("UPDATE contract_events SET ip = '6.6.6.6' WHERE contract_id = '" + id + "'");
  EXPECT_TRUE(refused(update)) << update;
  const auto remove = refusal("DELETE FROM contract_events WHERE contract_id = '" + id + "'");
  EXPECT_TRUE(refused(remove)) << remove;
  const auto truncate = refusal("TRUNCATE contract_events CASCADE");
  EXPECT_TRUE(refused(truncate)) << truncate;
  EXPECT_EQ(one("SELECT count(*) FROM contract_events WHERE contract_id = '" + id + "'"), before);
  EXPECT_EQ(one("SELECT count(*) FROM contract_events WHERE ip = '6.6.6.6'"), "0");
}

TEST_F(Contracts, ABookingPreparesItsDraftAndItsCancellationVoidsIt) {
  const auto templ = new_template("Séance");
  auto service = api->post("/api/services",
                           {{"name", "Séance avec contrat"},
                            {"durationMinutes", 60},
                            {"priceCents", 125000},
                            {"depositCents", 30000},
                            {"defaultContractTemplateId", templ}},
                           pro.token);
  ASSERT_EQ(service.status(), 201) << service.http.body;
  EXPECT_EQ(service.str("defaultContractTemplateId"), templ);
  auto anonymous = api->get("/api/services/" + service.str("id"));
  EXPECT_FALSE(anonymous.obj().contains("defaultContractTemplateId"));
  expect_problem(api->patch("/api/services/" + service.str("id"),
                            {{"defaultContractTemplateId", "nope"}}, pro.token),
                 422);

  // The client's address and the studio's legal details, as the contract names them.
  ASSERT_EQ(api->patch("/api/me", {{"address", "3 rue Neuve\n75011 Paris"}}, owner.token).status(),
            200);
  EXPECT_EQ(api->get("/api/me", owner.token).str("address"), "3 rue Neuve\n75011 Paris");
  expect_problem(api->call("PUT", "/api/settings", R"({"siret":"123"})", admin.token), 422);
  auto legal =
      api->call("PUT", "/api/settings",
                R"({"legalName":"Studio Déclic SARL","siret":"12345678900012"})", admin.token);
  ASSERT_EQ(legal.status(), 200) << legal.http.body;
  EXPECT_EQ(legal.str("siret"), "12345678900012");
  EXPECT_TRUE(legal.obj().at("vatNumber").is_null());

  const auto booking = book(owner, service.str("id"), at(fresh_day(), 15));
  ASSERT_EQ(booking.status(), 201) << booking.http.body;
  auto confirmed = act(booking.str("id"), "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200) << confirmed.http.body;
  const auto project = std::string(confirmed.obj().at("projectId").as_string());
  auto drafts = api->get("/api/contracts?projectId=" + project, pro.token);
  ASSERT_EQ(drafts.obj().at("items").as_array().size(), 1u) << drafts.http.body;
  const auto id = std::string(drafts.obj().at("items").at(0).at("id").as_string());
  auto draft = api->get("/api/contracts/" + id, pro.token);
  EXPECT_EQ(draft.str("status"), "DRAFT");
  const auto text = block_text(draft);
  EXPECT_NE(text.find("3 rue Neuve 75011 Paris"), std::string::npos) << text;
  EXPECT_NE(text.find("1\u202F250,00\u00A0€"), std::string::npos) << text;
  EXPECT_NE(text.find("TVA non applicable, art. 293 B du CGI"), std::string::npos) << text;
  ASSERT_EQ(step(id, "send", pro).status(), 200);
  EXPECT_TRUE(mailed("owner@client.test", "A contract awaits your signature"));

  ASSERT_EQ(act(booking.str("id"), "cancel", owner, R"({"reason":"Empêchement"})").status(), 200);
  auto voided = api->get("/api/contracts/" + id, pro.token);
  EXPECT_EQ(voided.str("status"), "VOID");
  EXPECT_EQ(trail_types(id, pro).back(), "voided");
}

// ---- the sealed PDF --------------------------------------------------------------------------

namespace {

struct TempFile {
  explicit TempFile(const std::string& bytes)
      : path(std::string(DECLIC_BUILD_DIR) + "/" + std::to_string(::getpid()) + "-" +
             std::to_string(counter++) + ".pdf") {
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() { std::remove(path.c_str()); }
  std::string run(const std::string& tool) const {
    try {
      return capture(tool + " " + shell_quote(path) + " 2>&1");
    } catch (const std::runtime_error& e) {
      return e.what();
    }
  }
  std::string path;
  static inline int counter = 0;
};

}  // namespace

TEST_F(Contracts, TheSignedPdfIsTypesetSealedAndVerifiable) {
  // Markup and a control character in the client's name: plain text in the PDF too.
  one("UPDATE users SET first_name = E'Zoé\\x07', last_name = '<Durand> & \"fils\" <script>'"
      " WHERE id = '" +
      other.id + "'");
  const auto project = new_project(other, 16);
  auto long_body = kBody;
  for (int i = 0; i < 40; ++i)
    long_body += "\n\n## Article " + std::to_string(i + 2) +
                 "\n\nLe client reconnaît avoir lu les conditions : la séance a lieu au studio ; "
                 "toute annulation moins de 48 heures avant la séance entraîne la perte de "
                 "l'acompte ! Des questions ? Écrivez-nous.";
  auto draft = create(project, new_template("Mariage", long_body));
  ASSERT_EQ(draft.status(), 201) << draft.http.body;
  const auto id = draft.str("id");
  expect_problem(api->get("/api/contracts/" + id + "/pdf", pro.token), 409, "not_signed");
  ASSERT_EQ(step(id, "send", pro).status(), 200);
  expect_problem(api->get("/api/contracts/" + id + "/pdf", other.token), 409, "not_signed");
  auto signed_ =
      step(id, "sign", other, {{"fullName", "Zoé Durand"}, {"consent", true}, {"signature", kPng}});
  ASSERT_EQ(signed_.status(), 200) << signed_.http.body;
  const auto hash = signed_.obj().at("signature").at("documentSha256");
  const auto signed_at = std::string(signed_.obj().at("signature").at("signedAt").as_string());

  // Staff, the client and the holder of the link get the same file; nobody else.
  expect_problem(api->get("/api/contracts/" + id + "/pdf", owner.token), 404);
  expect_problem(api->get("/api/contracts/" + id + "/pdf"), 401);
  auto pdf = api->get("/api/contracts/" + id + "/pdf", other.token);
  ASSERT_EQ(pdf.status(), 200) << pdf.http.body;
  EXPECT_EQ(pdf.http.header("content-type"), "application/pdf");
  EXPECT_EQ(api->get("/api/contracts/" + id + "/pdf", pro.token).http.body, pdf.http.body);
  const auto link = std::string(signed_.obj().at("pdfUrl").as_string());
  EXPECT_EQ(api->get(link).http.body, pdf.http.body);
  auto tampered = link;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  expect_problem(api->get(tampered), 403);

  const TempFile file(pdf.http.body);
  EXPECT_NE(file.run("qpdf --check").find("No syntax or stream encoding errors"), std::string::npos)
      << file.run("qpdf --check");
  // The text as a reader copies it, no-break spaces as plain ones.
  auto words = capture("pdftotext -enc UTF-8 " + shell_quote(file.path) + " -");
  for (const std::string nbsp : {"\u00A0", "\u202F"})
    for (auto at = words.find(nbsp); at != std::string::npos; at = words.find(nbsp))
      words.replace(at, nbsp.size(), " ");
  EXPECT_NE(words.find("Zoé Durand"), std::string::npos) << words;
  EXPECT_NE(words.find("Zoé <Durand> & « fils » <script>"), std::string::npos) << words;
  EXPECT_EQ(words.find('\x07'), std::string::npos);
  EXPECT_NE(words.find(signed_at), std::string::npos) << words;
  EXPECT_NE(words.find(std::string(hash.as_string())), std::string::npos) << words;
  EXPECT_NE(words.find("Dossier de preuve"), std::string::npos);
  const auto pages = capture("pdfinfo " + shell_quote(file.path));
  EXPECT_NE(pages.find("Pages:"), std::string::npos);
  const auto fonts = file.run("pdffonts");
  EXPECT_NE(fonts.find("DejaVu"), std::string::npos) << fonts;
  std::istringstream font_lines(fonts);
  std::string line;
  int listed = 0;
  while (std::getline(font_lines, line)) {
    if (line.find("DejaVu") == std::string::npos) continue;
    ++listed;
    EXPECT_NE(line.find(" yes "), std::string::npos) << "not embedded: " << line;
  }
  EXPECT_GE(listed, 2);
  const auto seal = file.run("pdfsig");
  EXPECT_NE(seal.find("Signature is Valid"), std::string::npos) << seal;
  EXPECT_NE(seal.find("Total document signed"), std::string::npos) << seal;

  const auto verify = [](const std::string& bytes) {
    return api->call("POST", "/api/contracts/verify", bytes, "", {"Content-Type: application/pdf"});
  };
  auto genuine = verify(pdf.http.body);
  ASSERT_EQ(genuine.status(), 200) << genuine.http.body;
  EXPECT_EQ(genuine.obj().at("match"), true);
  EXPECT_EQ(genuine.obj().at("contract").at("id").as_string(), id);
  EXPECT_EQ(genuine.obj().at("contract").at("signedAt").as_string(), signed_at);
  auto flipped = pdf.http.body;
  flipped[flipped.size() / 3] ^= 0x01;
  const TempFile forged(flipped);
  EXPECT_EQ(forged.run("pdfsig").find("Signature is Valid"), std::string::npos)
      << forged.run("pdfsig");
  EXPECT_EQ(verify(flipped).obj().at("match"), false);
  expect_problem(api->call("POST", "/api/contracts/verify", "x", "", {"Content-Type: text/plain"}),
                 415);
  auto by_id = api->get("/api/contracts/" + id + "/verify");
  ASSERT_EQ(by_id.status(), 200);
  EXPECT_EQ(by_id.obj().at("documentSha256"), hash);

  // The countersignature makes a new sealed document; the first one still verifies.
  ASSERT_EQ(step(id, "countersign", pro).status(), 200);
  auto final_pdf = api->get("/api/contracts/" + id + "/pdf", pro.token);
  ASSERT_EQ(final_pdf.status(), 200);
  EXPECT_NE(final_pdf.http.body, pdf.http.body);
  EXPECT_EQ(verify(final_pdf.http.body).obj().at("match"), true);
  EXPECT_EQ(verify(pdf.http.body).obj().at("match"), true);
}
