#include "modules/files/files_module.hpp"

#include "modules/files/files_controller.hpp"

namespace declic::files {

FilesService& install(core::ModuleContext& m, const Options& options) {
  auto& service = m.own(std::make_unique<FilesService>(m.db, m.events, options.data_dir,
                                                       options.link_secret, m.blocking));
  m.housekeeping.add("orphan_uploads", [&service] { return service.purge_orphans(); });
  auto& c = m.own(std::make_unique<FilesController>(service));
  m.router.get("/api/files/{id}/content", c, &FilesController::content);
  return service;
}

}  // namespace declic::files
