#include "core/http/static_files.hpp"
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

TEST(Log, EscapesJsonStrings) {
  std::string out;
  log::append_escaped(out, "a\"b\\c\nd\x01");
  EXPECT_EQ(out, "a\\\"b\\\\c\\nd\\u0001");
}
