#pragma once
// Users of every role. The public profile (core::auth::UserProfile) is what replies show;
// staff also see notes and whether the account is disabled. Password hashes never leave
// the users and auth modules.

#include "core/auth/principal.hpp"
#include "core/util/cursor.hpp"

#include <optional>
#include <string>
#include <vector>

namespace declic::users {

using core::auth::Role;
using core::auth::UserProfile;

struct User {
  UserProfile profile;
  std::optional<std::string> notes;
  bool disabled = false;
  bool has_password = false;  // false while an invitation is pending
};

struct NewUser {
  std::string email;  // lower case
  std::string first_name, last_name;
  std::optional<std::string> phone;
  std::string locale = "fr";
  Role role = Role::client;
  std::optional<std::string> password_hash;  // none for an invited user
};

// Fields to change; an absent optional leaves the column as it is.
struct UserPatch {
  std::optional<std::string> first_name, last_name, locale;
  std::optional<std::optional<std::string>> phone, notes, address;  // set to null to clear
  std::optional<Role> role;
  std::optional<bool> disabled;
};

struct ProfilePatch {
  std::optional<std::string> first_name, last_name, locale;
  std::optional<std::optional<std::string>> phone, address;
};

struct UserQuery {
  std::optional<Role> role;
  std::optional<std::string> search;
  int limit = 50;
  std::optional<core::Cursor> cursor;
};

struct UserPage {
  std::vector<User> items;
  std::optional<std::string> next_cursor;
};

}  // namespace declic::users
