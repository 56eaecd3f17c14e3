// Core depending on a module.
#include "modules/alpha/alpha_service.hpp"
