// The service catalogue: who reads and edits it, bad input, concurrent edits.
// Through the real server, on the studio of studio_fixture.hpp.
#include "studio_fixture.hpp"

using namespace declic::test;
namespace json = boost::json;

namespace {
class Services : public Studio {};
}  // namespace

TEST_F(Services, CatalogueRoleMatrix) {
  const json::object draft{{"name", "Mariage"}, {"durationMinutes", 120}, {"priceCents", 90000}};
  EXPECT_EQ(api->post("/api/services", draft).status(), 401);
  EXPECT_EQ(api->post("/api/services", draft, owner.token).status(), 403);
  auto created = api->post("/api/services", draft, admin.token);
  ASSERT_EQ(created.status(), 201) << created.http.body;
  const auto id = created.str("id");
  EXPECT_EQ(created.str("currency"), "EUR");  // the studio's
  EXPECT_EQ(created.str("professionalId"), admin.id);
  EXPECT_TRUE(created.obj().at("active").as_bool());

  // Everyone reads the active catalogue and one service.
  for (const auto* token : {"", owner.token.c_str(), pro.token.c_str()}) {
    EXPECT_EQ(api->get("/api/services", token).status(), 200);
    EXPECT_EQ(api->get("/api/services/" + id, token).status(), 200);
  }
  EXPECT_EQ(api->patch("/api/services/" + id, {{"priceCents", 1}}).status(), 401);
  EXPECT_EQ(api->patch("/api/services/" + id, {{"priceCents", 1}}, other.token).status(), 403);
  auto changed = api->patch("/api/services/" + id,
                            {{"priceCents", 95000}, {"description", "Un jour"}}, pro.token);
  ASSERT_EQ(changed.status(), 200) << changed.http.body;
  EXPECT_EQ(changed.obj().at("priceCents").as_int64(), 95000);
  EXPECT_EQ(changed.obj().at("durationMinutes").as_int64(), 120);  // untouched

  EXPECT_EQ(api->call("DELETE", "/api/services/" + id).status(), 401);
  EXPECT_EQ(api->call("DELETE", "/api/services/" + id, "", owner.token).status(), 403);
  EXPECT_EQ(api->call("DELETE", "/api/services/" + id, "", pro.token).status(), 204);
  // Archived: gone for the public, kept for staff.
  EXPECT_EQ(api->get("/api/services/" + id).status(), 404);
  EXPECT_EQ(api->get("/api/services/" + id, owner.token).status(), 404);
  EXPECT_EQ(api->get("/api/services/" + id, pro.token).status(), 200);
  const auto listed = [&](const std::string& path, const std::string& token) {
    auto r = api->get(path, token);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    for (const auto& s : r.obj().at("items").as_array())
      if (s.at("id").as_string() == id) return true;
    return false;
  };
  EXPECT_FALSE(listed("/api/services", ""));
  EXPECT_FALSE(listed("/api/services", pro.token));
  EXPECT_TRUE(listed("/api/services?includeArchived=true", admin.token));
  expect_problem(api->get("/api/services?includeArchived=true"), 403);
  expect_problem(api->get("/api/services?includeArchived=true", owner.token), 403);
  expect_problem(api->get("/api/services?includeArchived=maybe"), 422);
  expect_problem(api->get("/api/services?includeArchived=true", "not-a-token"), 401);
}

// The staff list and the public catalogue are two statements: each must answer, item for
// item, what reading that service alone answers, in the catalogue's order.
TEST_F(Services, BothListsAnswerWhatEachServiceAnswersAlone) {
  for (const auto* name : {"Zèbre", "Album", "Mariage"}) {
    auto made = api->post("/api/services",
                          {{"name", name},
                           {"category", "Lists"},
                           {"durationMinutes", 60},
                           {"priceCents", 1000},
                           {"included", json::array{"20 photos", "Un \"album\""}}},
                          pro.token);
    ASSERT_EQ(made.status(), 201) << made.http.body;
  }
  const auto names_in = [](const json::array& items) {
    std::vector<std::string> names;
    for (const auto& s : items)
      if (s.at("category") == "Lists") names.emplace_back(s.at("name").as_string());
    return names;
  };
  auto catalogue = api->get("/api/services");
  ASSERT_EQ(catalogue.status(), 200);
  std::string archived;
  for (const auto& s : catalogue.obj().at("items").as_array())
    if (s.at("name") == "Album") archived = std::string(s.at("id").as_string());
  ASSERT_EQ(api->call("DELETE", "/api/services/" + archived, "", pro.token).status(), 204);

  auto staff = api->get("/api/services?includeArchived=true", pro.token);
  auto public_now = api->get("/api/services");
  ASSERT_EQ(staff.status(), 200);
  ASSERT_EQ(public_now.status(), 200);
  EXPECT_EQ(names_in(staff.obj().at("items").as_array()),
            (std::vector<std::string>{"Album", "Mariage", "Zèbre"}));
  EXPECT_EQ(names_in(public_now.obj().at("items").as_array()),
            (std::vector<std::string>{"Mariage", "Zèbre"}));
  for (const auto& s : staff.obj().at("items").as_array()) {
    const auto id = std::string(s.at("id").as_string());
    EXPECT_EQ(s, api->get("/api/services/" + id, pro.token).json) << id;
  }
  for (const auto& s : public_now.obj().at("items").as_array()) {
    const auto id = std::string(s.at("id").as_string());
    EXPECT_EQ(s, api->get("/api/services/" + id).json) << id;
  }
}

TEST_F(Services, CatalogueRefusesBadInput) {
  const auto post = [](const std::string& body) {
    return api->call("POST", "/api/services", body, pro.token);
  };
  expect_problem(post(R"({"name":"A","durationMinutes":"60","priceCents":1})"), 400);
  expect_problem(post(R"({"name":"A","durationMinutes":60.5,"priceCents":1})"), 400);
  expect_problem(post(R"({"name":"A","durationMinutes":60,"priceCents":true})"), 400);
  expect_problem(post(R"({"durationMinutes":60,"priceCents":1})"), 422);
  expect_problem(post(R"({"name":"A","durationMinutes":0,"priceCents":1})"), 422);
  expect_problem(post(R"({"name":"A","durationMinutes":60,"priceCents":-1})"), 422);
  expect_problem(post(R"({"name":"A","durationMinutes":60,"priceCents":18446744073709551615})"),
                 422);
  expect_problem(post(R"({"name":"A","durationMinutes":60,"priceCents":1e30})"), 400);
  expect_problem(post(R"({"name":"A","durationMinutes":60,"priceCents":100,"depositCents":200})"),
                 422);
  expect_problem(post(R"({"name":"A","durationMinutes":60,"priceCents":1,"currency":"EURO"})"),
                 422);
  expect_problem(post(R"({"name":"A","durationMinutes":60,"priceCents":1,"professionalId":"x"})"),
                 422);
  // A client cannot be the professional of a service.
  auto client_pro = post(R"({"name":"A","durationMinutes":60,"priceCents":1,"professionalId":")" +
                         owner.id + "\"}");
  expect_problem(client_pro, 422);
  EXPECT_EQ(first_error_field(client_pro), "professionalId");
  expect_problem(
      post(R"({"name":")" + std::string(300, 'x') + R"(","durationMinutes":60,"priceCents":1})"),
      422);
  expect_problem(post("[1,2"), 400);
  expect_problem(
      api->call("POST", "/api/services", "name=A", pro.token, {"Content-Type: text/plain"}), 415);
  expect_problem(api->get("/api/services/not-a-uuid"), 404);
  expect_problem(api->get("/api/services/00000000-0000-0000-0000-000000000000"), 404);
  expect_problem(api->patch("/api/services/00000000-0000-0000-0000-000000000000",
                            {{"priceCents", 1}}, pro.token),
                 404);
  // SQL metacharacters are stored literally.
  auto odd = api->post(
      "/api/services",
      {{"name", "'); DROP TABLE services; --"}, {"durationMinutes", 30}, {"priceCents", 0}},
      pro.token);
  ASSERT_EQ(odd.status(), 201) << odd.http.body;
  EXPECT_EQ(api->get("/api/services/" + odd.str("id")).str("name"), "'); DROP TABLE services; --");
}

TEST_F(Services, ConcurrentServiceEditsKeepEveryField) {
  const auto id = create_service("Concurrent", 60, 0, 0);
  const auto path = "/api/services/" + id;
  // Four editors, each changing its own field over and over: none may undo another's.
  constexpr int kRounds = 50;
  const auto edit = [&](const std::string& field, bool number) {
    for (int i = 0; i < kRounds; ++i) {
      json::object body;
      if (number)
        body[field] = 20000 + i;
      else
        body[field] = field + " " + std::to_string(i);
      api->patch(path, body, pro.token);
    }
  };
  std::vector<std::thread> editors;
  editors.emplace_back(edit, "name", false);
  editors.emplace_back(edit, "description", false);
  editors.emplace_back(edit, "category", false);
  editors.emplace_back(edit, "priceCents", true);
  for (auto& t : editors) t.join();
  auto r = api->get(path, pro.token);
  ASSERT_EQ(r.status(), 200);
  const auto last = " " + std::to_string(kRounds - 1);
  EXPECT_EQ(r.str("name"), "name" + last);
  EXPECT_EQ(r.str("description"), "description" + last);
  EXPECT_EQ(r.str("category"), "category" + last);
  EXPECT_EQ(r.obj().at("priceCents").as_int64(), 20000 + kRounds - 1);
}
