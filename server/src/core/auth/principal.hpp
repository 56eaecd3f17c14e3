#pragma once
// Who is calling: the signed-in user as loaded for this request (not as the token remembers
// it), so a role change or a disabled account applies at once.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace declic::core::auth {

enum class Role { client, professionnel, admin };

std::string_view to_string(Role role);
std::optional<Role> role_from(std::string_view text);

// The user's public profile, as every API reply shows it.
struct UserProfile {
  std::string id;
  std::string email;
  Role role = Role::client;
  std::string first_name;
  std::string last_name;
  std::optional<std::string> phone;
  std::optional<std::string> address;  // postal, as contracts name it
  std::string locale;
  std::string created_at;  // RFC 3339
};

struct Principal {
  UserProfile user;
  std::string session_id;
  std::int64_t token_expires_at = 0;  // unix seconds: when the access token stops working

  const std::string& id() const { return user.id; }
  Role role() const { return user.role; }
  bool is_staff() const { return user.role != Role::client; }
  bool is_admin() const { return user.role == Role::admin; }
};

}  // namespace declic::core::auth
