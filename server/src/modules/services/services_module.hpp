#pragma once
#include "core/module.hpp"
#include "modules/images/images_service.hpp"
#include "modules/services/services_service.hpp"
#include "modules/settings/settings_service.hpp"
#include "modules/users/users_service.hpp"

namespace declic::services {

struct Imports {
  users::UsersService& users;
  settings::SettingsService& settings;
  images::ImagesService& images;
};

// /api/services: the public catalogue (staff also see archived services) and its editing.
ServicesService& install(core::ModuleContext& m, const Imports& imports);

}  // namespace declic::services
