// A service that reaches into another module's repository and builds JSON.
#include "modules/alpha/alpha_service.hpp"
#include <boost/json.hpp>
#include "modules/beta/beta_repository.hpp"
#include "modules/beta/beta_service.hpp"
