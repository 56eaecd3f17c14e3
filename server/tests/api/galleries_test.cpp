// Galleries through the real server: tus uploads written from the protocol (tus 1.0: core,
// creation, creation-with-upload, termination, expiration, checksum), photos made into
// renditions by the server, what a client sees and may do (favourites, comments, a
// selection), signed links, ranges, zips checked by unzip and Python, the download log.
#include "core/auth/tokens.hpp"
#include "pictures.hpp"
#include "studio_fixture.hpp"

#include <openssl/evp.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace declic::test;
namespace json = boost::json;

namespace {

std::string b64(const std::string& s) {
  return declic::core::auth::base64_encode(s);
}

std::string sha256(const std::string& bytes) {
  declic::core::auth::Sha256 h;
  h.update(bytes);
  return h.hex();
}

// The SHA-1 of `bytes`, base64, as Upload-Checksum carries it.
std::string sha1_b64(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &n, EVP_sha1(), nullptr);
  return b64(std::string(reinterpret_cast<const char*>(digest), n));
}

const std::vector<std::string> kTus{"Tus-Resumable: 1.0.0"};

std::vector<std::string> with(std::vector<std::string> headers, std::vector<std::string> more) {
  headers.insert(headers.end(), more.begin(), more.end());
  return headers;
}

class Galleries : public Studio {
 protected:
  static void SetUpTestSuite() {
    // Housekeeping (expired uploads, expiry reminders) runs while a test waits.
    extra_env = {{"HOUSEKEEPING_INTERVAL_MS", "300"}};
    Studio::SetUpTestSuite();
  }
  static std::string new_gallery(const std::string& project, json::object extra = {}) {
    extra["title"] = "Mariage Léa & Tom";
    auto r = api->post("/api/projects/" + project + "/galleries", extra, pro.token);
    EXPECT_EQ(r.status(), 201) << r.http.body;
    return r.status() == 201 ? r.str("id") : "";
  }
  static ApiResponse tus_create(const std::string& gallery, const std::string& name,
                                std::size_t length, std::vector<std::string> extra = {},
                                const std::string& body = "") {
    auto headers = with(kTus, {"Upload-Length: " + std::to_string(length),
                               "Upload-Metadata: galleryId " + b64(gallery) + ",filename " +
                                   b64(name) + ",filetype " + b64("image/png")});
    headers = with(headers, extra);
    if (!body.empty()) headers.push_back("Content-Type: application/offset+octet-stream");
    return api->call("POST", "/api/uploads", body, pro.token, headers);
  }
  static ApiResponse tus_patch(const std::string& location, std::size_t offset,
                               const std::string& bytes, std::vector<std::string> extra = {}) {
    auto headers = with(kTus, {"Upload-Offset: " + std::to_string(offset),
                               "Content-Type: application/offset+octet-stream"});
    return api->call("PATCH", location, bytes, pro.token, with(headers, extra));
  }
  static std::size_t offset_of(const std::string& location) {
    auto r = api->call("HEAD", location, "", pro.token, kTus);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    EXPECT_EQ(r.http.header("cache-control"), "no-store");
    EXPECT_EQ(r.http.header("tus-resumable"), "1.0.0");
    return std::stoul(r.http.header("upload-offset"));
  }
  // `bytes` uploaded in `chunks` PATCHes; the id of the photo it became.
  static std::string upload(const std::string& gallery, const std::string& bytes,
                            const std::string& name, int chunks = 1) {
    auto created = tus_create(gallery, name, bytes.size());
    EXPECT_EQ(created.status(), 201) << created.http.body;
    const auto location = created.http.header("location");
    const auto step = bytes.size() / chunks + 1;
    ApiResponse last;
    for (std::size_t at = 0; at < bytes.size(); at += step) {
      last = tus_patch(location, at, bytes.substr(at, step));
      EXPECT_EQ(last.status(), 204) << last.http.body;
    }
    return last.http.header("declic-file-id");
  }
  static json::array files(const std::string& gallery, const StudioAccount& who) {
    auto r = api->get("/api/galleries/" + gallery + "/files", who.token);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    return r.status() == 200 ? r.obj().at("items").as_array() : json::array{};
  }
  static json::object file_of(const std::string& gallery, const StudioAccount& who,
                              const std::string& id) {
    for (const auto& f : files(gallery, who))
      if (f.at("id").as_string() == id) return f.as_object();
    ADD_FAILURE() << "no file " << id;
    return {};
  }
  static bool all_ready(const std::string& gallery) {
    return eventually(
        [&] {
          for (const auto& f : files(gallery, pro))
            if (f.at("status").as_string() == "PROCESSING") return false;
          return true;
        },
        std::chrono::seconds(60));
  }
  static std::string link(const json::object& o, const char* field) {
    return o.at(field).is_string() ? std::string(o.at(field).as_string()) : "";
  }
  static std::string published_gallery_of(const StudioAccount& client, json::object settings = {}) {
    const auto gallery = new_gallery(new_project(client), std::move(settings));
    EXPECT_EQ(
        api->post("/api/galleries/" + gallery + "/publish", json::object{}, pro.token).status(),
        200);
    return gallery;
  }
  // Runs `command` on `bytes` saved to a file; its exit status.
  static int check_file(const std::string& command, const std::string& bytes) {
    const auto path = std::string(DECLIC_BUILD_DIR) + "/" + unique_name("check") + ".zip";
    std::ofstream(path, std::ios::binary) << bytes;
    const int status = std::system((command + " " + path + " > /dev/null 2>&1").c_str());
    std::remove(path.c_str());
    return status;
  }
};

TEST_F(Galleries, TusAnnouncesWhatItSupportsAndRefusesOtherVersions) {
  auto options = api->call("OPTIONS", "/api/uploads");
  EXPECT_EQ(options.status(), 204);
  EXPECT_EQ(options.http.header("tus-version"), "1.0.0");
  EXPECT_EQ(options.http.header("tus-extension"),
            "creation,creation-with-upload,termination,expiration,checksum");
  EXPECT_EQ(options.http.header("tus-checksum-algorithm"), "sha1");
  const auto gallery = new_gallery(new_project(owner));
  auto old =
      api->call("POST", "/api/uploads", "", pro.token,
                {"Tus-Resumable: 0.2.2", "Upload-Length: 10",
                 "Upload-Metadata: galleryId " + b64(gallery) + ",filename " + b64("a.png")});
  expect_problem(old, 412, "tus_version");
  EXPECT_EQ(old.http.header("tus-resumable"), "1.0.0");
  EXPECT_EQ(tus_create(gallery, "a.png", 10).status(), 201);
}

TEST_F(Galleries, ClientsSeeAGalleryOnlyOncePublished) {
  const auto gallery = new_gallery(new_project(owner), {{"selectionMax", 2}});
  expect_problem(api->get("/api/galleries/" + gallery, owner.token), 404);
  expect_problem(api->get("/api/galleries/" + gallery + "/files", owner.token), 404);
  const auto listed = [&] {
    auto r = api->get("/api/galleries", owner.token);
    for (const auto& g : r.obj().at("items").as_array())
      if (g.at("id").as_string() == gallery) return true;
    return false;
  };
  EXPECT_FALSE(listed());
  auto published = api->post("/api/galleries/" + gallery + "/publish", json::object{}, pro.token);
  ASSERT_EQ(published.status(), 200) << published.http.body;
  EXPECT_EQ(published.str("status"), "PUBLISHED");
  EXPECT_TRUE(listed());
  auto seen = api->get("/api/galleries/" + gallery, owner.token);
  ASSERT_EQ(seen.status(), 200) << seen.http.body;
  EXPECT_EQ(seen.obj().at("selectionMax").as_int64(), 2);
  EXPECT_EQ(seen.obj().at("client").at("id").as_string(), owner.id);
  // Another client: as if it did not exist.
  expect_problem(api->get("/api/galleries/" + gallery, other.token), 404);
  expect_problem(api->get("/api/galleries/" + gallery + "/files", other.token), 404);
  // Staff only write.
  expect_problem(api->patch("/api/galleries/" + gallery, {{"title", "x"}}, owner.token), 403);
  expect_problem(api->post("/api/projects/" + new_project(owner) + "/galleries", {{"title", "x"}},
                           owner.token),
                 403);
  // Bad input: a clear 4xx.
  expect_problem(api->post("/api/projects/" + new_project(owner) + "/galleries",
                           {{"title", ""}, {"downloads", "ALL"}}, pro.token),
                 422);
  expect_problem(api->post("/api/projects/00000000-0000-0000-0000-000000000000/galleries",
                           {{"title", "x"}}, pro.token),
                 404);
}

TEST_F(Galleries, AnUploadCutThreeTimesAndResumedGivesTheSameBytes) {
  const auto gallery = new_gallery(new_project(owner));
  const auto photo = png(900, 600, 1);
  auto created = tus_create(gallery, "DSC_0012.png", photo.size());
  ASSERT_EQ(created.status(), 201) << created.http.body;
  EXPECT_EQ(created.http.header("tus-resumable"), "1.0.0");
  EXPECT_FALSE(created.http.header("upload-expires").empty());
  const auto location = created.http.header("location");
  ASSERT_TRUE(location.starts_with("/api/uploads/")) << location;
  // Three pieces, each "cut": the client asks where the upload stands and goes on from there.
  const auto third = photo.size() / 3;
  std::size_t offset = 0;
  for (int piece = 0; piece < 3; ++piece) {
    EXPECT_EQ(offset_of(location), offset);
    const auto len = piece == 2 ? photo.size() - offset : third;
    auto r = tus_patch(location, offset, photo.substr(offset, len));
    ASSERT_EQ(r.status(), 204) << r.http.body;
    offset += len;
    EXPECT_EQ(r.http.header("upload-offset"), std::to_string(offset));
  }
  auto head = api->call("HEAD", location, "", pro.token, kTus);
  EXPECT_NE(head.status(), 200);  // finished: the upload is now a photo of the gallery
  ASSERT_TRUE(all_ready(gallery));
  auto list = files(gallery, pro);
  ASSERT_EQ(list.size(), 1u);
  const auto& f = list[0].as_object();
  EXPECT_EQ(f.at("name").as_string(), "DSC_0012.png");
  EXPECT_EQ(f.at("status").as_string(), "READY");
  EXPECT_EQ(f.at("width").as_int64(), 900);
  EXPECT_EQ(f.at("height").as_int64(), 600);
  EXPECT_TRUE(link(f, "placeholder").starts_with("data:image/webp;base64,"));
  auto original = api->get(link(f, "downloadUrl"));
  ASSERT_EQ(original.status(), 200);
  EXPECT_EQ(sha256(original.http.body), sha256(photo));
  auto thumb = api->get(link(f, "thumbnailUrl"));
  ASSERT_EQ(thumb.status(), 200);
  EXPECT_EQ(thumb.http.header("content-type"), "image/webp");
  EXPECT_EQ(thumb.http.body.substr(8, 4), "WEBP");
  // Metadata stripped from what clients receive: the place in the PNG's text is gone.
  auto preview = api->get(link(f, "previewUrl"));
  ASSERT_EQ(preview.status(), 200);
  EXPECT_EQ(preview.http.body.find("Lyon"), std::string::npos);
  EXPECT_NE(original.http.body.find("Lyon"), std::string::npos);
}

TEST_F(Galleries, TheProtocolsRefusalsLoseNothing) {
  const auto gallery = new_gallery(new_project(owner));
  const auto photo = png(300, 200, 2);
  auto created = tus_create(gallery, "b.png", photo.size());
  const auto location = created.http.header("location");
  ASSERT_EQ(tus_patch(location, 0, photo.substr(0, 100)).status(), 204);
  // A wrong offset: 409, nothing written.
  expect_problem(tus_patch(location, 50, photo.substr(50, 100)), 409, "offset_mismatch");
  EXPECT_EQ(offset_of(location), 100u);
  // A bad checksum: 460, the chunk discarded.
  auto bad = tus_patch(location, 100, photo.substr(100, 100),
                       {"Upload-Checksum: sha1 " + sha1_b64("something else")});
  EXPECT_EQ(bad.status(), 460) << bad.http.body;
  EXPECT_EQ(offset_of(location), 100u);
  // An unknown algorithm: 400.
  expect_problem(tus_patch(location, 100, photo.substr(100, 100), {"Upload-Checksum: md5 AAAA"}),
                 400, "checksum_algorithm");
  // The right checksum: kept.
  auto good = tus_patch(location, 100, photo.substr(100, 100),
                        {"Upload-Checksum: sha1 " + sha1_b64(photo.substr(100, 100))});
  EXPECT_EQ(good.status(), 204) << good.http.body;
  EXPECT_EQ(offset_of(location), 200u);
  // Wrong content type, missing offset, missing version.
  expect_problem(api->call("PATCH", location, "x", pro.token,
                           with(kTus, {"Upload-Offset: 200", "Content-Type: text/plain"})),
                 415);
  expect_problem(api->call("PATCH", location, "x", pro.token,
                           with(kTus, {"Content-Type: application/offset+octet-stream"})),
                 400);
  // More bytes than announced.
  expect_problem(tus_patch(location, 200, std::string(photo.size(), 'x')), 413);
  EXPECT_EQ(offset_of(location), 200u);
  // Termination: 204, then it is gone.
  auto gone = api->call("DELETE", location, "", pro.token, kTus);
  EXPECT_EQ(gone.status(), 204);
  auto after = api->call("GET", location, "", pro.token, kTus);
  EXPECT_TRUE(after.status() == 404 || after.status() == 410) << after.status();
  // Nothing of it in the gallery.
  EXPECT_TRUE(files(gallery, pro).empty());
  // Only staff upload.
  expect_problem(
      api->call("POST", "/api/uploads", "", owner.token, with(kTus, {"Upload-Length: 10"})), 403);
}

TEST_F(Galleries, AnExpiredUploadIsGone) {
  const auto gallery = new_gallery(new_project(owner));
  auto created = tus_create(gallery, "c.png", 1000);
  const auto location = created.http.header("location");
  const auto id = location.substr(location.rfind('/') + 1);
  one("UPDATE uploads SET expires_at = now() - interval '1 second' WHERE id = '" + id + "'");
  // Expired (410) until housekeeping takes it away (404), bytes and all.
  const auto status = api->call("GET", location, "", pro.token, kTus).status();
  EXPECT_TRUE(status == 410 || status == 404) << status;
  EXPECT_TRUE(tus_patch(location, 0, "abc").status() >= 404);
  EXPECT_TRUE(eventually(
      [&] { return one("SELECT count(*) FROM uploads WHERE id = '" + id + "'") == "0"; }));
}

TEST_F(Galleries, ExpiryRemindsTheClientThenClosesTheGallery) {
  const auto soon = dtime::format_rfc3339(dtime::now() + std::chrono::days(3));
  const auto gallery = published_gallery_of(owner, {{"expiresAt", soon}});
  upload(gallery, png(64, 64, 15), "x.png");
  // Told once, whether alone or with the news of its publication in one mail.
  EXPECT_TRUE(eventually(
      [&] {
        for (const auto& mail : mails_to(mail_dir, owner.email))
          if (decode_quoted_printable(mail).find("expires in less than 7 days") !=
              std::string::npos)
            return true;
        return false;
      },
      std::chrono::seconds(15)));
  EXPECT_NE(one("SELECT expiry_reminded_at FROM galleries WHERE id = '" + gallery + "'"), "");
  const auto past = dtime::format_rfc3339(dtime::now() - std::chrono::hours(1));
  ASSERT_EQ(api->patch("/api/galleries/" + gallery, {{"expiresAt", past}}, pro.token).status(),
            200);
  auto g = api->get("/api/galleries/" + gallery, owner.token);
  ASSERT_EQ(g.status(), 200);
  EXPECT_TRUE(g.obj().at("expired").as_bool());
  EXPECT_TRUE(g.obj().at("archiveUrl").is_null());
  expect_problem(api->get("/api/galleries/" + gallery + "/files", owner.token), 410,
                 "gallery_expired");
  EXPECT_EQ(files(gallery, pro).size(), 1u);  // staff still see it, and extend it
  ASSERT_EQ(api->patch("/api/galleries/" + gallery, {{"expiresAt", soon}}, pro.token).status(),
            200);
  EXPECT_EQ(api->get("/api/galleries/" + gallery + "/files", owner.token).status(), 200);
}

TEST_F(Galleries, WhatIsNotAPhotoIsRefusedAndNotKept) {
  const auto gallery = new_gallery(new_project(owner));
  // Text: refused from its first bytes.
  const std::string text = "Hello, this is not a picture at all, whatever its name says.";
  auto created = tus_create(gallery, "fake.jpg", text.size());
  expect_problem(tus_patch(created.http.header("location"), 0, text), 415);
  EXPECT_TRUE(api->call("GET", created.http.header("location"), "", pro.token, kTus).status() ==
              404);
  // A JPEG's first bytes and nothing a decoder can read: refused once whole.
  const std::string fake = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(2000, 'z');
  auto jpeg = tus_create(gallery, "fake2.jpg", fake.size());
  expect_problem(tus_patch(jpeg.http.header("location"), 0, fake), 415);
  EXPECT_TRUE(files(gallery, pro).empty());
  EXPECT_EQ(one("SELECT count(*) FROM uploads WHERE gallery_id = '" + gallery + "'"), "0");
  // creation-with-upload carries its first bytes, checked the same way.
  expect_problem(tus_create(gallery, "fake3.jpg", text.size(), {}, text), 415);
}

TEST_F(Galleries, CreationWithUploadAndDuplicates) {
  const auto gallery = new_gallery(new_project(owner));
  const auto photo = png(200, 200, 3);
  auto created = tus_create(gallery, "one.png", photo.size(), {}, photo);
  ASSERT_EQ(created.status(), 201) << created.http.body;
  EXPECT_EQ(created.http.header("upload-offset"), std::to_string(photo.size()));
  const auto first = created.http.header("declic-file-id");
  EXPECT_FALSE(first.empty());
  // The same bytes again, under another name: not added twice.
  auto again = tus_create(gallery, "one-copy.png", photo.size(), {}, photo);
  ASSERT_EQ(again.status(), 201) << again.http.body;
  EXPECT_EQ(again.http.header("declic-duplicate"), "true");
  EXPECT_EQ(again.http.header("declic-file-id"), first);
  EXPECT_EQ(files(gallery, pro).size(), 1u);
}

TEST_F(Galleries, LinksAreSignedShortLivedAndRanged) {
  const auto gallery = published_gallery_of(owner);
  const auto photo = png(500, 400, 4);
  const auto id = upload(gallery, photo, "DSC_0100.png");
  ASSERT_TRUE(all_ready(gallery));
  const auto f = file_of(gallery, owner, id);
  const auto url = link(f, "downloadUrl");
  auto part = api->call("GET", url, "", "", {"Range: bytes=10-19"});
  ASSERT_EQ(part.status(), 206);
  EXPECT_EQ(part.http.body, photo.substr(10, 10));
  EXPECT_EQ(part.http.header("content-range"), "bytes 10-19/" + std::to_string(photo.size()));
  expect_problem(api->call("GET", url, "", "", {"Range: bytes=99999999-"}), 416);
  EXPECT_NE(api->get(url).http.header("content-disposition").find("DSC_0100.png"),
            std::string::npos);
  // A tampered signature, an expiry moved: 403.
  auto tampered = url;
  tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
  expect_problem(api->get(tampered), 403);
  const auto exp_at = url.find("exp=") + 4;
  auto moved = url;
  moved.replace(exp_at, url.find('&', exp_at) - exp_at, "1000");
  expect_problem(api->get(moved), 403);
  // Someone else's link to a thumbnail is not a link to the original.
  auto swapped = link(f, "thumbnailUrl");
  swapped.replace(swapped.find("variant=thumbnail"), 17, "variant=original");
  expect_problem(api->get(swapped), 403);
  // Another client's gallery: 404; an unpublished one: 404 for its client.
  expect_problem(api->get("/api/galleries/" + gallery + "/files", other.token), 404);
  const auto draft = new_gallery(new_project(owner));
  expect_problem(api->get("/api/galleries/" + draft + "/files", owner.token), 404);
}

// `picture` with an ancillary chunk of `bytes` noise before its end: still a valid PNG,
// and as heavy as a photo that does not compress.
std::string padded(std::string picture, std::size_t bytes) {
  const auto end = picture.substr(picture.size() - 12);  // the IEND chunk
  picture.resize(picture.size() - 12);
  std::string noise(bytes, '\0');
  std::uint32_t x = 2463534242u;
  for (auto& c : noise) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    c = static_cast<char>(x);
  }
  png_chunk(picture, "noIs", noise);
  return picture + end;
}

TEST_F(Galleries, TheZipStreamsExactlyAndPassesUnzipAndPython) {
  const auto gallery = published_gallery_of(owner);
  // The first photo spans more than one of the blocks the server reads a zip by.
  std::vector<std::string> photos{padded(png(320, 200, 5), 1500000), png(200, 320, 6),
                                  png(64, 64, 7)};
  upload(gallery, photos[0], "IMG_1.png");
  upload(gallery, photos[1], "IMG_2.png", 2);
  upload(gallery, photos[2], "IMG_1.png");  // the same name: made unique in the zip
  auto g = api->get("/api/galleries/" + gallery, owner.token);
  ASSERT_EQ(g.status(), 200);
  const auto url = link(g.obj(), "archiveUrl");
  ASSERT_FALSE(url.empty()) << g.http.body;
  auto zip = api->get(url);
  ASSERT_EQ(zip.status(), 200) << zip.http.body;
  EXPECT_EQ(zip.http.header("content-type"), "application/zip");
  EXPECT_EQ(zip.http.header("content-length"), std::to_string(zip.http.body.size()));
  EXPECT_EQ(check_file("unzip -t", zip.http.body), 0);
  EXPECT_EQ(check_file("/usr/bin/python3 -m zipfile -t", zip.http.body), 0);
  EXPECT_EQ(check_file("unzip -Z1", zip.http.body), 0);
  EXPECT_NE(zip.http.body.find("IMG_1 (2).png"), std::string::npos);
  // Resumed with a Range: the same bytes as the end of the whole.
  auto tail = api->call("GET", url, "", "", {"Range: bytes=100-"});
  ASSERT_EQ(tail.status(), 206);
  EXPECT_EQ(tail.http.body, zip.http.body.substr(100));
  auto across = api->call("GET", url, "", "", {"Range: bytes=1048000-1049999"});
  ASSERT_EQ(across.status(), 206);
  EXPECT_EQ(across.http.body, zip.http.body.substr(1048000, 2000));
  // Downloads off: no zip for the client.
  ASSERT_EQ(api->patch("/api/galleries/" + gallery, {{"downloads", "NONE"}}, pro.token).status(),
            200);
  auto off = api->get("/api/galleries/" + gallery, owner.token);
  EXPECT_TRUE(off.obj().at("archiveUrl").is_null());
  expect_problem(api->get(url), 404);
  for (const auto& f : files(gallery, owner)) EXPECT_TRUE(f.at("downloadUrl").is_null());
}

TEST_F(Galleries, FavouritesSelectionAndTheDownloadLog) {
  const auto gallery = published_gallery_of(owner, {{"selectionMax", 2}});
  const auto a = upload(gallery, png(100, 80, 8), "DSC_0012.jpg.png");
  const auto b = upload(gallery, png(100, 80, 9), "DSC_0040.png");
  const auto c = upload(gallery, png(100, 80, 10), "DSC_0041.png");
  const auto mark = [](const std::string& id, const StudioAccount& who) {
    return api->call("PUT", "/api/files/" + id + "/favorite", "", who.token);
  };
  EXPECT_EQ(mark(a, owner).status(), 204);
  EXPECT_EQ(mark(b, owner).status(), 204);
  expect_problem(mark(c, owner), 422);  // the third of "choose 2"
  expect_problem(mark(a, other), 404);
  EXPECT_EQ(api->call("PUT", "/api/files/" + b + "/comment", R"({"comment":"Plus lumineuse ?"})",
                      owner.token)
                .status(),
            204);
  auto submitted =
      api->post("/api/galleries/" + gallery + "/selection", json::object{}, owner.token);
  ASSERT_EQ(submitted.status(), 200) << submitted.http.body;
  EXPECT_EQ(submitted.obj().at("selection").at("status").as_string(), "SUBMITTED");
  // Submitted: no more changes until the studio reopens it.
  expect_problem(api->call("DELETE", "/api/files/" + a + "/favorite", "", owner.token), 409,
                 "selection_submitted");
  auto selection = api->get("/api/galleries/" + gallery + "/selection", pro.token);
  ASSERT_EQ(selection.status(), 200);
  EXPECT_EQ(selection.str("lightroomFilter"), "DSC_0012.jpg OR DSC_0040");
  EXPECT_EQ(selection.obj().at("files").as_array().at(1).at("comment").as_string(),
            "Plus lumineuse ?");
  expect_problem(api->get("/api/galleries/" + gallery + "/selection", owner.token), 403);
  ASSERT_EQ(api->post("/api/galleries/" + gallery + "/selection/reopen", json::object{}, pro.token)
                .status(),
            200);
  EXPECT_EQ(api->call("DELETE", "/api/files/" + a + "/favorite", "", owner.token).status(), 204);
  // Downloads by the client are logged for the studio.
  auto g = api->get("/api/galleries/" + gallery, owner.token);
  ASSERT_EQ(api->get(link(g.obj(), "favoritesArchiveUrl")).status(), 200);
  ASSERT_EQ(api->get(link(file_of(gallery, owner, c), "downloadUrl")).status(), 200);
  auto log = api->get("/api/galleries/" + gallery + "/downloads", pro.token);
  ASSERT_EQ(log.status(), 200);
  const auto& items = log.obj().at("items").as_array();
  ASSERT_EQ(items.size(), 2u) << log.http.body;
  EXPECT_EQ(items[0].at("kind").as_string(), "FILE");
  EXPECT_EQ(items[0].at("fileName").as_string(), "DSC_0041.png");
  EXPECT_EQ(items[1].at("kind").as_string(), "FAVORITES");
  EXPECT_EQ(items[1].at("user").at("id").as_string(), owner.id);
}

TEST_F(Galleries, PublishingTellsTheClientAndWatermarksMarkPreviews) {
  const auto photo = png(800, 600, 14);
  const auto plain = new_gallery(new_project(owner));
  const auto marked = new_gallery(new_project(owner), {{"watermark", true}});
  const auto a = upload(plain, photo, "same.png");
  const auto b = upload(marked, photo, "same.png");
  ASSERT_TRUE(all_ready(plain) && all_ready(marked));
  const auto preview = [&](const std::string& g, const std::string& id) {
    return api->get(link(file_of(g, pro, id), "previewUrl")).http.body;
  };
  const auto clean = preview(plain, a), stamped = preview(marked, b);
  EXPECT_EQ(stamped.substr(8, 4), "WEBP");
  EXPECT_NE(clean, stamped);
  // Turned off: the previews are made again, without it.
  ASSERT_EQ(api->patch("/api/galleries/" + marked, {{"watermark", false}}, pro.token).status(),
            200);
  ASSERT_TRUE(eventually([&] { return preview(marked, b) == clean; }, std::chrono::seconds(30)));
  // Published: the client is told in the app and by mail (in their language).
  ASSERT_EQ(api->post("/api/galleries/" + plain + "/publish", json::object{}, pro.token).status(),
            200);
  EXPECT_TRUE(mailed(owner.email, "Your photos are ready"));
  auto bell = api->get("/api/notifications", owner.token);
  ASSERT_EQ(bell.status(), 200);
  EXPECT_NE(bell.http.body.find(plain), std::string::npos);
}

// Three at a time, a folder's uploads finish in any order; its photos keep the order they
// were sent in.
TEST_F(Galleries, PhotosTakeThePlaceTheirUploadBeganIn) {
  const auto gallery = published_gallery_of(owner);
  upload(gallery, png(40, 40, 30), "DSC_0001.png");
  std::vector<std::string> bytes{png(40, 40, 31), png(40, 40, 32), png(40, 40, 33)};
  std::vector<std::string> locations;
  for (int i = 0; i < 3; ++i) {
    auto made = tus_create(gallery, "DSC_000" + std::to_string(i + 2) + ".png", bytes[i].size());
    ASSERT_EQ(made.status(), 201) << made.http.body;
    locations.push_back(made.http.header("location"));
  }
  for (int i : {2, 0, 1}) ASSERT_EQ(tus_patch(locations[i], 0, bytes[i]).status(), 204);
  std::vector<std::string> names;
  for (const auto& f : files(gallery, owner)) names.emplace_back(f.at("name").as_string());
  EXPECT_EQ(names, (std::vector<std::string>{"DSC_0001.png", "DSC_0002.png", "DSC_0003.png",
                                             "DSC_0004.png"}));
}

// A client that goes away in the middle of an original: sendfile(2), which has no
// MSG_NOSIGNAL, may then write to a closed socket; that must cost the download, not the
// server (SIGPIPE ignored, as /proc shows, and the server still serving).
TEST_F(Galleries, AClientGoneMidDownloadCostsThatDownloadOnly) {
  std::ifstream status("/proc/" + std::to_string(server->pid()) + "/status");
  std::string line;
  while (std::getline(status, line) && !line.starts_with("SigIgn:")) {
  }
  ASSERT_TRUE(line.starts_with("SigIgn:"));
  EXPECT_TRUE(std::stoull(line.substr(7), nullptr, 16) & (1ull << (SIGPIPE - 1))) << line;

  const auto gallery = published_gallery_of(owner);
  const auto original = padded(png(64, 64, 21), 16 << 20);
  upload(gallery, original, "big.png");
  const auto url = link(files(gallery, owner).front().as_object(), "downloadUrl");
  for (int wait_ms : {0, 20, 100}) {
    std::vector<std::unique_ptr<HttpConnection>> gone;
    for (int i = 0; i < 4; ++i) {
      gone.push_back(std::make_unique<HttpConnection>(server->port()));
      gone.back()->send("GET " + url + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
  }  // closed with the body unread, the server mid-file
  auto whole = api->get(url);
  EXPECT_EQ(whole.status(), 200);
  EXPECT_EQ(whole.http.body, original);
}

// The web app's own tus client, in Node, cut after its first chunk and resumed.
TEST_F(Galleries, AnExternalTusClientUploadsAndResumes) {
  const auto gallery = new_gallery(new_project(owner));
  const auto photo = png(640, 480, 13);
  const auto path = std::string(DECLIC_BUILD_DIR) + "/" + unique_name("tus") + ".png";
  std::ofstream(path, std::ios::binary) << photo;
  const auto out = capture(
      "node " + std::string(DECLIC_SOURCE_DIR) +
      "/server/tests/api/tus_client.mjs http://127.0.0.1:" + std::to_string(server->port()) + " " +
      pro.token + " " + gallery + " " + path + " 2>&1");
  std::remove(path.c_str());
  boost::system::error_code ec;
  const auto result = json::parse(out, ec);
  ASSERT_FALSE(ec) << out;
  EXPECT_GE(result.at("chunks").as_int64(), 4);
  const auto id = std::string(result.at("fileId").as_string());
  const auto f = file_of(gallery, pro, id);
  EXPECT_EQ(f.at("sizeBytes").as_int64(), static_cast<std::int64_t>(photo.size()));
  EXPECT_EQ(sha256(api->get(link(f, "downloadUrl")).http.body), sha256(photo));
}

TEST_F(Galleries, GuestsOpenASharedGalleryWithItsPin) {
  const auto gallery = published_gallery_of(owner);
  const auto id = upload(gallery, png(120, 90, 16), "guest.png");
  ASSERT_TRUE(all_ready(gallery));
  ASSERT_EQ(
      api->call("PUT", "/api/files/" + id + "/comment", R"({"comment":"Pour maman"})", owner.token)
          .status(),
      204);
  expect_problem(api->post("/api/galleries/" + gallery + "/shares", {{"pin", "12a4"}}, pro.token),
                 422);
  auto made = api->post("/api/galleries/" + gallery + "/shares",
                        {{"pin", "2468"}, {"downloads", true}}, pro.token);
  ASSERT_EQ(made.status(), 201) << made.http.body;
  const auto url = made.str("url");
  const auto token = url.substr(url.rfind('/') + 1);
  const auto unlock = [&](const std::string& pin) {
    return api->post("/api/shares/" + token + "/unlock", {{"pin", pin}});
  };
  const auto open = [&](const std::string& session) {
    return api->call("GET", "/api/shares/" + token, "", "", {"Share-Session: " + session});
  };
  expect_problem(open(""), 401);
  expect_problem(unlock("0000"), 403);
  auto session = unlock("2468");
  ASSERT_EQ(session.status(), 200) << session.http.body;
  auto seen = open(session.str("session"));
  ASSERT_EQ(seen.status(), 200) << seen.http.body;
  EXPECT_EQ(seen.http.body.find(owner.id), std::string::npos) << "nothing of the client";
  EXPECT_EQ(seen.http.body.find("Pour maman"), std::string::npos);
  const auto& f = seen.obj().at("files").as_array().at(0).as_object();
  EXPECT_EQ(api->get(link(f, "downloadUrl")).status(), 200);
  const auto zip = link(seen.obj().at("gallery").as_object(), "archiveUrl");
  ASSERT_EQ(api->get(zip).status(), 200);
  // Logged without a name; a session for another link opens nothing.
  auto log = api->get("/api/galleries/" + gallery + "/downloads", pro.token);
  EXPECT_NE(log.http.body.find("\"ARCHIVE\""), std::string::npos) << log.http.body;
  expect_problem(api->call("GET", "/api/shares/other-token", "", "",
                           {"Share-Session: " + session.str("session")}),
                 404);
  // Five wrong PINs lock it; revoked, it opens nothing, and its zip link stops.
  for (int i = 0; i < 5; ++i) expect_problem(unlock("9999"), 403);
  expect_problem(unlock("2468"), 429);
  ASSERT_EQ(
      api->call("DELETE", "/api/galleries/" + gallery + "/shares/" + made.str("id"), "", pro.token)
          .status(),
      204);
  one("UPDATE gallery_shares SET locked_until = NULL WHERE id = '" + made.str("id") + "'");
  expect_problem(unlock("2468"), 404);
  expect_problem(open(session.str("session")), 404);
  expect_problem(api->get(zip), 404);
  auto list = api->get("/api/galleries/" + gallery + "/shares", pro.token);
  EXPECT_TRUE(list.obj().at("items").as_array().empty());
}

TEST_F(Galleries, StaffOrderCoverAndDelete) {
  const auto gallery = new_gallery(new_project(owner));
  const auto a = upload(gallery, png(90, 60, 11), "a.png");
  const auto b = upload(gallery, png(90, 60, 12), "b.png");
  ASSERT_TRUE(all_ready(gallery));
  auto order = api->call(
      "PUT", "/api/galleries/" + gallery + "/order",
      json::serialize(json::object{{"fileIds", json::array{b.c_str(), a.c_str()}}}), pro.token);
  EXPECT_EQ(order.status(), 204) << order.http.body;
  EXPECT_EQ(files(gallery, pro).at(0).at("id").as_string(), b);
  expect_problem(
      api->call("PUT", "/api/galleries/" + gallery + "/order",
                json::serialize(json::object{{"fileIds", json::array{a.c_str()}}}), pro.token),
      422);
  auto cover = api->patch("/api/galleries/" + gallery, {{"coverFileId", a}}, pro.token);
  ASSERT_EQ(cover.status(), 200) << cover.http.body;
  EXPECT_EQ(cover.str("coverFileId"), a);
  EXPECT_EQ(cover.obj().at("fileCount").as_int64(), 2);
  EXPECT_EQ(api->call("DELETE", "/api/files/" + a, "", pro.token).status(), 204);
  EXPECT_EQ(files(gallery, pro).size(), 1u);
  auto usage = api->get("/api/galleries/usage", pro.token);
  ASSERT_EQ(usage.status(), 200);
  EXPECT_GT(usage.obj().at("usedBytes").as_int64(), 0);
  EXPECT_EQ(api->call("DELETE", "/api/galleries/" + gallery, "", pro.token).status(), 204);
  expect_problem(api->get("/api/galleries/" + gallery, pro.token), 404);
  EXPECT_EQ(one("SELECT count(*) FROM files WHERE id = '" + b + "'"), "0");
}

}  // namespace
