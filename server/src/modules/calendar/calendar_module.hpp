#pragma once
#include "core/module.hpp"
#include "modules/calendar/calendar_service.hpp"

namespace declic::calendar {

CalendarService& install(core::ModuleContext& m, const CalendarService::Imports& imports,
                         std::string public_url);

}  // namespace declic::calendar
