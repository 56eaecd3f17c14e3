#include "modules/images/images_module.hpp"

#include "modules/images/images_controller.hpp"

namespace declic::images {

ImagesService& install(core::ModuleContext& m, const std::filesystem::path& data_dir) {
  auto& service = m.own(std::make_unique<ImagesService>(m.db, data_dir / "images", m.blocking));
  m.housekeeping.add("orphan_images", [&service] { return service.purge_orphans(); });
  auto& c = m.own(std::make_unique<ImagesController>(service));
  m.router.get("/api/images/{id}", c, &ImagesController::content);
  return service;
}

}  // namespace declic::images
