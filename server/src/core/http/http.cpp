#include "core/http/http.hpp"

#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>

#include <strings.h>

namespace declic::core::http {

namespace {
std::string_view find_header(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers)
    if (key.size() == name.size() && strncasecmp(key.data(), name.data(), name.size()) == 0)
      return value;
  return {};
}
}  // namespace

std::string_view Request::header(std::string_view lower_name) const {
  return find_header(headers, lower_name);
}

std::string_view Request::param(std::string_view name) const {
  for (const auto& [key, value] : params)
    if (key == name) return value;
  return {};
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  auto parsed = boost::urls::parse_query(query);
  if (!parsed) return std::nullopt;
  for (auto p : boost::urls::params_view(*parsed))
    if (p.key == name) return p.has_value ? p.value : std::string();
  return std::nullopt;
}

Response& Response::set(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

std::string_view Response::header(std::string_view lower_name) const {
  return find_header(headers, lower_name);
}

Response Response::json(int status, std::string body) {
  return text(status, std::move(body), "application/json");
}

Response Response::text(int status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

Response Response::no_content() {
  return text(204, {}, {});
}

Response Response::from_file(int status, FileRange range, std::string content_type) {
  auto r = text(status, {}, std::move(content_type));
  r.file = std::move(range);
  return r;
}

Response Response::streamed(int status, std::shared_ptr<BodySource> source, std::uint64_t length,
                            std::string content_type) {
  auto r = text(status, {}, std::move(content_type));
  r.source = std::move(source);
  r.source_length = length;
  return r;
}

std::uint64_t Response::body_size() const {
  if (file) return file->length;
  if (source) return source_length;
  return body.size();
}

}  // namespace declic::core::http
