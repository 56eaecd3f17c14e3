#pragma once
#include "core/module.hpp"
#include "modules/images/images_service.hpp"

namespace declic::images {

// GET /api/images/{id} (public); the store of the studio's pictures.
ImagesService& install(core::ModuleContext& m, const std::filesystem::path& data_dir);

}  // namespace declic::images
