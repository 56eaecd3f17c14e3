// A controller that includes the composition root.
#include "app/app.hpp"
#include "modules/alpha/alpha_model.hpp"
