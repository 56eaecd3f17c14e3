// The studio's pictures: its logo and each service's cover, made by the server from an upload
// (fitted WebP, metadata stripped), public by id, replaced and removed; what each service
// includes. Through the real server, on the studio of studio_fixture.hpp.
#include "core/image/image.hpp"
#include "studio_fixture.hpp"

#include "pictures.hpp"

using namespace declic::test;
namespace json = boost::json;

namespace {

class Pictures : public Studio {
 protected:
  // The picture itself as the body, with its Content-Type.
  static ApiResponse upload(const std::string& path, const std::string& bytes,
                            const std::string& token, const std::string& type = "image/png") {
    return api->call("PUT", path, bytes, token, {"Content-Type: " + type});
  }
};

// Only a header, claiming a picture far too large to decode.
std::string bomb() {
  std::string out("\x89PNG\r\n\x1a\n", 8);
  png_chunk(out, "IHDR", png_ihdr(30000, 30000));
  png_chunk(out, "IDAT",
            std::string("\x78\x01\x01\x00\x00\xff\xff", 7));  // where pixels would start
  png_chunk(out, "IEND", "");
  return out;
}

std::string image_id(const std::string& url) {
  return url.substr(url.rfind('/') + 1);
}

}  // namespace

TEST_F(Pictures, TheLogoIsMadeFromAnUploadAndServedToAnyone) {
  auto saved = upload("/api/settings/logo", png(1200, 800), admin.token);
  ASSERT_EQ(saved.status(), 200) << saved.http.body;
  const auto url = saved.str("logoUrl");
  EXPECT_EQ(url.rfind("/api/images/", 0), 0u) << url;
  EXPECT_EQ(api->get("/api/studio").str("logoUrl"), url);

  const auto served = api->get(url);  // no account needed: the public page shows it
  ASSERT_EQ(served.status(), 200);
  EXPECT_EQ(served.http.header("content-type"), "image/webp");
  EXPECT_NE(served.http.header("cache-control").find("immutable"), std::string::npos);
  ASSERT_GT(served.http.body.size(), 12u);
  EXPECT_EQ(served.http.body.substr(0, 4), "RIFF");
  EXPECT_EQ(served.http.body.substr(8, 4), "WEBP");
  EXPECT_EQ(served.http.body.find("GPSLatitude"), std::string::npos) << "metadata kept";
  // Fitted into 512 × 512, its proportions kept.
  const auto id = image_id(url);
  EXPECT_EQ(one("SELECT width || 'x' || height FROM images WHERE id = '" + id + "'"), "512x341");
}

TEST_F(Pictures, OnlyAnAdministratorChangesTheLogo) {
  const auto before = api->get("/api/studio").obj().at("logoUrl");
  EXPECT_EQ(upload("/api/settings/logo", png(64, 64), "").status(), 401);
  expect_problem(upload("/api/settings/logo", png(64, 64), owner.token), 403);
  expect_problem(upload("/api/settings/logo", png(64, 64), pro.token), 403);
  expect_problem(api->call("DELETE", "/api/settings/logo", "", pro.token), 403);
  EXPECT_EQ(api->get("/api/studio").obj().at("logoUrl"), before);
}

TEST_F(Pictures, WhatIsNotAPictureIsRefusedAndNothingIsKept) {
  const auto count = [] { return one("SELECT count(*) FROM images"); };
  const auto before = count();
  const auto studio = api->get("/api/studio").obj().at("logoUrl");
  // Said to be JSON, text, or a PNG that is text: 415.
  expect_problem(upload("/api/settings/logo", png(64, 64), admin.token, "application/json"), 415);
  expect_problem(upload("/api/settings/logo", "hello", admin.token, "text/plain"), 415);
  expect_problem(upload("/api/settings/logo", "not a picture at all", admin.token), 415);
  // A JPEG's first bytes and nothing a decoder can read.
  expect_problem(
      upload("/api/settings/logo", std::string("\xff\xd8\xff\xe0", 4) + std::string(2000, 'x'),
             admin.token, "image/jpeg"),
      415);
  // A real PNG cut in the middle: its header reads, its pixels do not.
  const auto whole = png(400, 300);
  expect_problem(upload("/api/settings/logo", whole.substr(0, whole.size() / 2), admin.token), 415);
  // A PDF is a file the server knows, not a picture it takes.
  expect_problem(
      upload("/api/settings/logo", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", admin.token, "image/png"), 415);
  // Nothing sent; a header claiming 900 million pixels; more than 20 MiB announced.
  expect_problem(upload("/api/settings/logo", "", admin.token), 422);
  auto huge = upload("/api/settings/logo", bomb(), admin.token);
  expect_problem(huge, 422);
  EXPECT_EQ(first_error_field(huge), "file");
  HttpConnection declared(server->port());
  declared.send("PUT /api/settings/logo HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                admin.token + "\r\nContent-Type: image/jpeg\r\nContent-Length: 22020096\r\n\r\n");
  auto too_big = declared.read();
  ASSERT_TRUE(too_big);
  EXPECT_EQ(too_big->status, 413);
  EXPECT_NE(too_big->body.find("payload_too_large"), std::string::npos) << too_big->body;
  EXPECT_EQ(count(), before);
  EXPECT_EQ(api->get("/api/studio").obj().at("logoUrl"), studio);
}

TEST_F(Pictures, ANewLogoReplacesTheOldOneWhichIsGone) {
  auto first = upload("/api/settings/logo", png(300, 300), admin.token);
  ASSERT_EQ(first.status(), 200) << first.http.body;
  auto second = upload("/api/settings/logo", png(200, 400), admin.token);
  ASSERT_EQ(second.status(), 200) << second.http.body;
  EXPECT_NE(second.str("logoUrl"), first.str("logoUrl"));
  EXPECT_EQ(api->get(first.str("logoUrl")).status(), 404);
  EXPECT_EQ(api->get(second.str("logoUrl")).status(), 200);
  // A WebP upload is taken too (the demo's own logo is one).
  auto drawn = declic::core::image::demo_picture({256, 256}, 0x0f766e, 0x134e4a, "AB");
  ASSERT_TRUE(drawn);
  auto webp = upload("/api/settings/logo", drawn->webp, admin.token, "image/webp");
  ASSERT_EQ(webp.status(), 200) << webp.http.body;
  EXPECT_EQ(one("SELECT width || 'x' || height FROM images WHERE id = '" +
                image_id(webp.str("logoUrl")) + "'"),
            "256x256");  // never enlarged

  auto removed = api->call("DELETE", "/api/settings/logo", "", admin.token);
  ASSERT_EQ(removed.status(), 200) << removed.http.body;
  EXPECT_TRUE(removed.obj().at("logoUrl").is_null());
  EXPECT_TRUE(api->get("/api/studio").obj().at("logoUrl").is_null());
  EXPECT_EQ(api->get(webp.str("logoUrl")).status(), 404);
  EXPECT_EQ(api->get("/api/images/not-an-id").status(), 404);
}

TEST_F(Pictures, StaffGiveAServiceACoverTheCatalogueShows) {
  const auto service = create_service("Portrait avec couverture", 60, 0, 0);
  const auto path = "/api/services/" + service + "/cover";
  expect_problem(upload(path, png(64, 64), owner.token), 403);
  expect_problem(
      upload("/api/services/00000000-0000-0000-0000-000000000000/cover", png(64, 64), pro.token),
      404);
  // The catalogue is cached: read it first so that its copy must change.
  (void)api->get("/api/services");
  auto covered = upload(path, png(2400, 1600), pro.token);
  ASSERT_EQ(covered.status(), 200) << covered.http.body;
  const auto url = covered.str("coverUrl");
  EXPECT_EQ(one("SELECT width || 'x' || height FROM images WHERE id = '" + image_id(url) + "'"),
            "1600x1067");
  const auto catalogue = api->get("/api/services");
  bool listed = false;
  for (const auto& s : catalogue.obj().at("items").as_array())
    if (s.at("id").as_string() == service) listed = s.at("coverUrl").as_string() == url;
  EXPECT_TRUE(listed) << catalogue.http.body;
  EXPECT_EQ(api->get(url).status(), 200);

  auto removed = api->call("DELETE", path, "", admin.token);
  ASSERT_EQ(removed.status(), 200) << removed.http.body;
  EXPECT_TRUE(removed.obj().at("coverUrl").is_null());
  EXPECT_EQ(api->get(url).status(), 404);
}

TEST_F(Pictures, AServiceSaysWhatItIncludes) {
  const json::object body{{"name", "Séance nouveau-né"},
                          {"durationMinutes", 120},
                          {"priceCents", 30000},
                          {"included", json::array{"  2 h à domicile ", "15 photos retouchées"}}};
  auto created = api->post("/api/services", body, pro.token);
  ASSERT_EQ(created.status(), 201) << created.http.body;
  EXPECT_EQ(json::serialize(created.obj().at("included")),
            R"(["2 h à domicile","15 photos retouchées"])");
  const auto id = created.str("id");
  EXPECT_EQ(json::serialize(api->get("/api/services/" + id).obj().at("included")),
            R"(["2 h à domicile","15 photos retouchées"])");

  const auto patch = [&](const std::string& included) {
    return api->call("PATCH", "/api/services/" + id, R"({"included":)" + included + "}", pro.token);
  };
  json::array thirteen;
  for (int i = 0; i < 13; ++i) thirteen.push_back("ligne");
  expect_problem(patch(json::serialize(thirteen)), 422);
  expect_problem(patch(R"(["", "x"])"), 422);
  expect_problem(patch("[\"" + std::string(121, 'x') + "\"]"), 422);
  expect_problem(patch(R"(["a\u0000b"])"), 422);
  expect_problem(patch(R"([1, 2])"), 400);
  expect_problem(patch(R"("une ligne")"), 400);
  auto cleared = patch("[]");
  ASSERT_EQ(cleared.status(), 200) << cleared.http.body;
  EXPECT_EQ(json::serialize(cleared.obj().at("included")), "[]");
  // Quotes and backslashes go through the database's array syntax unharmed.
  auto quoted = patch(R"(["Le \"making-of\"", "C:\\photos", "{a,b}"])");
  ASSERT_EQ(quoted.status(), 200) << quoted.http.body;
  EXPECT_EQ(json::serialize(quoted.obj().at("included")),
            R"(["Le \"making-of\"","C:\\photos","{a,b}"])");
}
