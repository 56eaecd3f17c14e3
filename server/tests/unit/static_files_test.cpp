#include "core/http/static_files.hpp"
#include "core/http/field_values.hpp"
#include "core/log/log.hpp"

#include <gtest/gtest.h>

using namespace declic::core;

TEST(StaticFiles, SafeRelativePaths) {
  EXPECT_TRUE(http::is_safe_relative_path("index.html"));
  EXPECT_TRUE(http::is_safe_relative_path("assets/app-1a2b3c.js"));
  for (const char* bad : {"", "/etc/passwd", "../secret", "a/../../b", "a/./b", ".env",
                          "assets/.hidden", "a\\b", "dir/"})
    EXPECT_FALSE(http::is_safe_relative_path(bad)) << bad;
  EXPECT_FALSE(http::is_safe_relative_path(std::string_view("a\0b", 3)));
}

TEST(StaticFiles, ContentTypes) {
  EXPECT_EQ(http::content_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(http::content_type_for("assets/x.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(http::content_type_for("a.woff2"), "font/woff2");
  EXPECT_EQ(http::content_type_for("dir.v2/file"), "application/octet-stream");
}

TEST(StaticFiles, AcceptEncodingFollowsQualities) {
  EXPECT_TRUE(http::accepts_encoding("gzip, deflate, br", "br"));
  EXPECT_TRUE(http::accepts_encoding("GZIP;Q=0.3", "gzip"));
  EXPECT_TRUE(http::accepts_encoding("*", "br"));
  EXPECT_TRUE(http::accepts_encoding("br;q=1.0", "br"));
  EXPECT_FALSE(http::accepts_encoding("", "br"));
  EXPECT_FALSE(http::accepts_encoding("gzip", "br"));
  EXPECT_FALSE(http::accepts_encoding("br;q=0", "br"));
  EXPECT_FALSE(http::accepts_encoding("br;q=0.000, *", "br"));
  EXPECT_FALSE(http::accepts_encoding("*;q=0", "gzip"));
  EXPECT_FALSE(http::accepts_encoding("br;q=oops", "br"));
  EXPECT_FALSE(http::accepts_encoding("brotli", "br"));
}

TEST(Log, EscapesJsonStrings) {
  std::string out;
  log::append_escaped(out, "a\"b\\c\nd\x01");
  EXPECT_EQ(out, "a\\\"b\\\\c\\nd\\u0001");
}
