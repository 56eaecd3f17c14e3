#pragma once
#include "core/module.hpp"

namespace declic::live {

// GET /api/ws: every committed event with a public type (Bus::expose), pushed to the
// sockets of the users who may see it, on whichever server holds them.
void install(core::ModuleContext& m);

}  // namespace declic::live
