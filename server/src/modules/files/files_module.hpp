#pragma once
#include "core/module.hpp"
#include "modules/files/files_service.hpp"

namespace declic::files {

struct Options {
  std::filesystem::path data_dir;
  std::string link_secret;  // the key signed links are derived from
};

// GET /api/files/{id}/content (signed links); the file store other modules write to.
FilesService& install(core::ModuleContext& m, const Options& options);

}  // namespace declic::files
