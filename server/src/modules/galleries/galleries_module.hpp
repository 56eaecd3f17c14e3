#pragma once
#include "core/module.hpp"
#include "modules/galleries/galleries_service.hpp"

namespace declic::galleries {

// Galleries, their photos and zips (/api/galleries, /api/files/{id}/…), tus uploads
// (/api/uploads); records downloads of their photos (file.downloaded), tells clients of
// galleries about to expire, drops uploads left for a day, and starts the photo workers.
GalleriesService& install(core::ModuleContext& m, const GalleriesService::Imports& imports,
                          Options options);

}  // namespace declic::galleries
