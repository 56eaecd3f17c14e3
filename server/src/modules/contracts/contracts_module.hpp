#pragma once
#include "core/module.hpp"
#include "modules/contracts/contracts_service.hpp"

namespace declic::contracts {

// Loads (or makes, the first time) the studio's seal under DATA_DIR/seal unless
// `seal_cert_file` and `seal_key_file` name one; throws when neither works.
struct ModuleOptions {
  Options service;
  std::string seal_cert_file, seal_key_file;
};

ContractsService& install(core::ModuleContext& m, ModuleOptions options);

}  // namespace declic::contracts
