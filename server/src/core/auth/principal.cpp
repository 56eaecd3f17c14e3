#include "core/auth/principal.hpp"

namespace declic::core::auth {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::client:
      return "CLIENT";
    case Role::professionnel:
      return "PROFESSIONNEL";
    case Role::admin:
      return "ADMIN";
  }
  return "CLIENT";
}

std::optional<Role> role_from(std::string_view text) {
  if (text == "CLIENT") return Role::client;
  if (text == "PROFESSIONNEL") return Role::professionnel;
  if (text == "ADMIN") return Role::admin;
  return std::nullopt;
}

}  // namespace declic::core::auth
